package dev.stele.serde.internal;

import dev.stele.client.SchemaRegistryClient;
import java.util.Map;

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
  private RegistryAccess registry;

  /**
   * @param client shared with the caller rather than built from the configs; may be null
   * @param format how messages name the format, e.g. {@code Avro}
   */
  protected RegistrySerde(SchemaRegistryClient client, String format) {
    this.givenClient = client;
    this.format = format;
  }

  /** Builds the registry access for these configs (over the given client, if any) and keeps it. */
  protected final RegistryAccess connect(Map<String, ?> configs, boolean isKey) {
    RegistryAccess access = RegistryAccess.configure(configs, isKey, givenClient, format);
    this.registry = access;
    return access;
  }

  /** The registry; a serde used before {@code configure} is a programming error. */
  protected final RegistryAccess registry() {
    RegistryAccess access = registry;
    if (access == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " used before configure()");
    }
    return access;
  }

  /** Closes the client if it was built from the configs; a given one belongs to the caller. */
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
