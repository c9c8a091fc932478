package dev.stele.schema;

/**
 * How widely a format counts a change compatible (Confluent 8.5's {@code compatibilityPolicy}
 * config field), handed to every check rather than fixed per format, since each subject may
 * choose its own. STRICT is every format's ordinary check. LENIENT widens only what JSON Schema
 * counts compatible (an open content model that gains properties, a closed one that loses
 * some); Avro and Protobuf check it as STRICT, as Confluent's do.
 */
public enum CompatibilityPolicy {
  STRICT,
  LENIENT
}
