package dev.stele.serde.rules;

import dev.stele.client.SchemaRegistryClient;
import java.util.Map;

/**
 * What rule executors and actions share. A serde builds one instance per configured name (and
 * one per type found by {@code ServiceLoader}), configures it once, and closes it with itself.
 * Implementations are used by many threads at once.
 */
public interface RuleBase extends AutoCloseable {
  /** The name under which {@code ServiceLoader} instances are kept, and its config segment. */
  String DEFAULT_NAME = "_default_";

  /** The {@code type} rules name this by, e.g. {@code CEL}; upper case. */
  String type();

  /**
   * @param configs the params under {@code rule.executors.<name>.param.} (or {@code rule.actions.})
   *     with the prefix stripped, over the {@code schema.registry.} keys, or, when
   *     {@link #addOriginalConfigs()}, over all the serde's configs
   */
  default void configure(Map<String, ?> configs) {}

  /** Whether {@link #configure} also receives every config the serde was given (a DLQ producer needs them). */
  default boolean addOriginalConfigs() {
    return false;
  }

  /** The serde's registry client, handed over before {@link #configure}. */
  default void setSchemaRegistryClient(SchemaRegistryClient client) {}

  @Override
  default void close() {}
}
