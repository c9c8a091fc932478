package dev.stele.serde.jsonschema.internal;

import static dev.stele.client.internal.ConfigKey.defaultOnly;
import static dev.stele.client.internal.ConfigKey.honoured;
import static dev.stele.client.internal.ConfigKey.refused;

import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.internal.KeyTable;
import java.util.List;

/**
 * The keys of Confluent 8.5's {@code KafkaJsonSchemaSerializerConfig} and
 * {@code KafkaJsonSchemaDeserializerConfig} beyond the common ones, and what Stele does with each.
 */
public final class JsonSchemaKeys {
  private static final String RULES = "schema validation rules are not implemented yet (domain rules are)";

  public static final KeyTable TABLE = KeyTable.of("JSON Schema serializers", List.of(
      honoured("json.fail.invalid.schema", "false", "validate data against its schema when writing"
          + " or reading; off by default, as in Confluent's serdes"),
      honoured("json.key.type", "java.lang.Object", "the class keys are read into; unset, a JsonNode")
          .on(Side.DESERIALIZER),
      honoured("json.value.type", "java.lang.Object", "the class values are read into; unset, a JsonNode")
          .on(Side.DESERIALIZER),
      defaultOnly("json.fail.unknown.properties", "true", "reading into a class fails on a property the class"
          + " lacks; turning that off is not supported yet"),
      defaultOnly("json.write.dates.iso8601", "false", "dates are written as timestamps; ISO-8601 is not"
          + " supported yet").on(Side.SERIALIZER),
      defaultOnly("json.schema.spec.version", "draft_7", "schemas derived from classes are draft-07")
          .on(Side.SERIALIZER),
      refused("json.oneof.for.nullables", "true", "schemas derived from classes do not mark nullable fields"
          + " with oneOf yet").on(Side.SERIALIZER),
      defaultOnly("json.schema.scan.packages", "", "classes are not scanned for schemas").on(Side.SERIALIZER),
      refused("json.envelope.detection", "true", "payloads are never read as schema-and-payload envelopes")
          .on(Side.SERIALIZER).accepting("false"),
      defaultOnly("json.default.property.inclusion", null, "Jackson's default inclusion is used")
          .on(Side.SERIALIZER),
      defaultOnly("json.indent.output", "false", "JSON is written compact").on(Side.SERIALIZER),
      defaultOnly("json.validate.before.domain.rules", "false", RULES),
      defaultOnly("validation.rules.execution", "DISABLED", RULES).on(Side.SERIALIZER),
      refused("type.property", "javaType", "the class to read into is never taken from the schema; use"
          + " json.value.type").on(Side.DESERIALIZER),
      defaultOnly("json.type.allowed.packages", "*", "no class is loaded by a name in the schema")
          .on(Side.DESERIALIZER)));

  private JsonSchemaKeys() {}
}
