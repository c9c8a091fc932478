package dev.stele.serde.internal;

import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ClientKeys;
import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.internal.KeyTable;
import dev.stele.serde.rules.MessageModel;
import dev.stele.serde.rules.internal.RuleEngine;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What every format's serializer and deserializer holds around its hot path: the client given to
 * the constructor (if any), the {@link RegistryAccess} built by {@code configure}, and closing it.
 * Not API: users name the subclasses, whose constructors keep Confluent's signatures.
 *
 * <p>Subclasses implement Kafka's {@code Serializer} or {@code Deserializer} themselves and keep
 * their own {@code configure}, reading their keys in the order they always have and calling
 * {@link #connect} where the registry is needed. The registry sits in a field of this class, so
 * the per-record {@link #registry()} check is one field read, as when each serde held it.
 */
public abstract class RegistrySerde {
  private final SchemaRegistryClient givenClient;
  private final String format;
  private final KeyTable formatKeys;
  private RegistryAccess registry;
  private RuleEngine rules;

  /**
   * @param client shared with the caller rather than built from the configs; may be null
   * @param format how messages name the format, e.g. {@code Avro}
   * @param formatKeys the format's own Confluent keys (e.g. {@code specific.avro.reader}),
   *     honoured or refused
   */
  protected RegistrySerde(SchemaRegistryClient client, String format, KeyTable formatKeys) {
    this.givenClient = client;
    this.format = format;
    this.formatKeys = formatKeys;
  }

  /**
   * Builds the registry access for these configs (over the given client, if any) and keeps it.
   * First, a Confluent key this serde refuses fails, naming the key and why.
   */
  protected final RegistryAccess connect(Map<String, ?> configs, boolean isKey) {
    Side side = this instanceof Serializer<?> ? Side.SERIALIZER : Side.DESERIALIZER;
    SerdeKeys.TABLE.check(configs, side);
    formatKeys.check(configs, side);
    // The client's keys are checked even when a client was given, so a refused one never passes quietly.
    ClientKeys.TABLE.check(configs, side);
    RegistryAccess access = RegistryAccess.configure(configs, isKey, givenClient, format);
    RuleEngine engine;
    try {
      engine = RuleEngine.configure(configs, access.client(), isKey);
    } catch (RuntimeException e) {
      access.close();
      throw e;
    }
    closeRules();
    this.registry = access;
    this.rules = engine;
    return access;
  }

  /** How errors name the topic's subject and the registry, for messages about a record. */
  protected final String describe(String topic) {
    return registry().describe(topic);
  }

  /** The registry; a serde used before {@code configure} is a programming error. */
  protected final RegistryAccess registry() {
    RegistryAccess access = registry;
    if (access == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " used before configure()");
    }
    return access;
  }

  /** The data contract rules engine built by {@code configure}. */
  protected final RuleEngine rules() {
    RuleEngine engine = rules;
    if (engine == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " used before configure()");
    }
    return engine;
  }

  /**
   * {@code framed} with {@code target}'s encoding rules (e.g. {@code ENCRYPT_PAYLOAD}) run on the
   * payload after its first {@code headerSize} bytes, which stay as they are: in a serializer
   * ({@code WRITE}) once the format has written the payload, in a deserializer ({@code READ})
   * before the format reads it. Without encoding rules, {@code framed} itself.
   */
  protected final byte[] encodingRules(RuleMode mode, String subject, String topic, Headers headers,
      SchemaDefinition target, MessageModel model, byte[] framed, int headerSize) {
    if (!RuleEngine.hasEncodingRules(target)) {
      return framed;
    }
    byte[] payload = Arrays.copyOfRange(framed, headerSize, framed.length);
    byte[] out = rules().encoding(mode, subject, topic, headers, target, model, payload);
    byte[] reframed = Arrays.copyOf(framed, headerSize + out.length);
    System.arraycopy(out, 0, reframed, headerSize, out.length);
    return reframed;
  }

  private void closeRules() {
    if (rules != null) {
      rules.close();
      rules = null;
    }
  }

  /**
   * Closes the rule executors and actions (a DLQ producer among them), and the client if it was
   * built from the configs; a given one belongs to the caller.
   */
  public void close() {
    closeRules();
    if (registry != null) {
      registry.close();
    }
  }
}
