package dev.stele.serde.internal;

import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.KeyTable;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The config handling the JSON Schema and Protobuf deserializers share: the class to read into
 * (from the key's or value's config key, over the one given to the constructor), then the
 * registry, then the subclass's own keys and caches in {@link #configured}. Not API: users name
 * the subclasses, whose constructors keep Confluent's signatures.
 *
 * <p>Subclass constructors call {@link #configure} themselves when given configs, after
 * {@code super(...)}: their own fields (caches, mappers) must exist before it runs.
 */
public abstract class TypedDeserializer<T> extends RegistrySerde implements Deserializer<T> {
  private final String keyTypeKey;
  private final String valueTypeKey;
  private Class<?> type;

  /**
   * @param client shared with the caller rather than built from the configs; may be null
   * @param type the class to read into unless the configs name one; null for the format's generic form
   * @param format how messages name the format, e.g. {@code Protobuf}
   */
  protected TypedDeserializer(SchemaRegistryClient client, Class<?> type, String format,
      KeyTable formatKeys, String keyTypeKey, String valueTypeKey) {
    super(client, format, formatKeys);
    this.type = type;
    this.keyTypeKey = keyTypeKey;
    this.valueTypeKey = valueTypeKey;
  }

  @Override
  public final void configure(Map<String, ?> configs, boolean isKey) {
    type = ConfiguredClass.load(configs, isKey ? keyTypeKey : valueTypeKey, type);
    connect(configs, isKey);
    configured(configs);
  }

  /**
   * Reads the format's own keys and drops what was cached under the previous configuration;
   * {@link #type()} and {@link #registry()} are already the new ones.
   */
  protected abstract void configured(Map<String, ?> configs);

  /** Kafka's call without headers: the same as with none. */
  @Override
  public T deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  /** Reads one record; every subclass reads here (Kafka's default would call back the two-argument form). */
  @Override
  public abstract T deserialize(String topic, Headers headers, byte[] data);

  /** The class to read into, or null. */
  protected final Class<?> type() {
    return type;
  }
}
