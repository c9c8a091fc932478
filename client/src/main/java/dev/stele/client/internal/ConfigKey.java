package dev.stele.client.internal;

import java.util.Objects;

/**
 * One row of a key table: a configuration key Confluent's client or serdes define, and what Stele
 * does with it.
 *
 * @param name the key as Confluent spells it; a name ending in {@code .*} is a prefix
 * @param status whether Stele acts on it
 * @param side which of serializer and deserializer reads it
 * @param confluentDefault Confluent's default, as text; null when it has none
 * @param accepted for a refused key, the one value that already describes what Stele does and is
 *     therefore accepted (often Confluent's default); null when every value is refused
 * @param note for an honoured key, what Stele does; for a refused one, why it is refused
 */
public record ConfigKey(String name, Status status, Side side, String confluentDefault, String accepted,
    String note) {

  public enum Status { HONOURED, REFUSED }

  /** Confluent defines some keys only on one side; the other side ignores them, as Confluent does. */
  public enum Side { BOTH, SERIALIZER, DESERIALIZER }

  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(note, "note");
  }

  public static ConfigKey honoured(String name, String confluentDefault, String note) {
    return new ConfigKey(name, Status.HONOURED, Side.BOTH, confluentDefault, null, note);
  }

  public static ConfigKey refused(String name, String confluentDefault, String why) {
    return new ConfigKey(name, Status.REFUSED, Side.BOTH, confluentDefault, null, why);
  }

  /** Refused unless set to {@code confluentDefault}, which is what Stele does anyway. */
  public static ConfigKey defaultOnly(String name, String confluentDefault, String why) {
    return new ConfigKey(name, Status.REFUSED, Side.BOTH, confluentDefault, confluentDefault, why);
  }

  public ConfigKey on(Side only) {
    return new ConfigKey(name, status, only, confluentDefault, accepted, note);
  }

  /** Refused unless set to {@code value}, which describes Stele's behaviour though not the default. */
  public ConfigKey accepting(String value) {
    return new ConfigKey(name, status, side, confluentDefault, value, note);
  }

  public boolean isPrefix() {
    return name.endsWith(".*");
  }

  boolean appliesTo(Side reader) {
    return side == Side.BOTH || reader == Side.BOTH || side == reader;
  }
}
