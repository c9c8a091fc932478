package dev.stele.serde.rules;

import java.util.Map;

/**
 * A record or message in a {@link MessageModel}'s plain view (an Avro record, a Protobuf message):
 * a read-only map from field name to plain value, converted on access. Expression languages may
 * select its fields as a struct's, one at a time, rather than convert it whole as a map.
 *
 * <p>A caller that selects the same field of many records can find the field once per layout
 * ({@link #layout}, {@link #fieldKey}) and read it by its key ({@link #valueAt}, {@link #presentAt}):
 * a look-up by name costs about as much as the rest of a simple CEL condition (decision 0029).
 */
public interface PlainRecord extends Map<String, Object> {
  /**
   * What records of one layout share and compare by identity (an Avro schema, a Protobuf
   * descriptor): a field key found on one record serves every record of the same layout; null
   * when this record has none, and then only the map's methods apply.
   */
  default Object layout() {
    return null;
  }

  /** The key of the field called {@code name} in this record's layout, or null when there is none. */
  default Object fieldKey(String name) {
    throw new UnsupportedOperationException("no layout");
  }

  /** The plain value of the field {@code key} names (a key of this record's layout): as {@link #get}. */
  default Object valueAt(Object key) {
    throw new UnsupportedOperationException("no layout");
  }

  /** Whether the field {@code key} names holds a value: as {@link #containsKey} of its name. */
  default boolean presentAt(Object key) {
    throw new UnsupportedOperationException("no layout");
  }
}
