package dev.stele.serde.avro.internal;

import static dev.stele.client.internal.ConfigKey.defaultOnly;
import static dev.stele.client.internal.ConfigKey.honoured;
import static dev.stele.client.internal.ConfigKey.refused;

import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.internal.KeyTable;
import java.util.List;

/**
 * The keys of Confluent 8.5's {@code KafkaAvroSerializerConfig} and
 * {@code KafkaAvroDeserializerConfig} beyond the common ones, and what Stele does with each.
 */
public final class AvroKeys {
  private static final String RULES = "schema validation rules are not implemented yet (domain rules are)";

  public static final KeyTable TABLE = KeyTable.of("Avro serializers", List.of(
      honoured("specific.avro.reader", "false", "decode into the generated SpecificRecord class the writer"
          + " schema names").on(Side.DESERIALIZER),
      refused("specific.avro.key.type", null, "a fixed SpecificRecord class is not supported yet; use"
          + " specific.avro.reader=true").on(Side.DESERIALIZER),
      refused("specific.avro.value.type", null, "a fixed SpecificRecord class is not supported yet; use"
          + " specific.avro.reader=true").on(Side.DESERIALIZER),
      defaultOnly("avro.use.logical.type.converters", "false", "generic records carry logical types in their"
          + " Avro encoding (e.g. a long for timestamp-millis); converters are not applied"),
      defaultOnly("avro.reflection.allow.null", "false", "Avro reflection is not implemented"),
      defaultOnly("avro.remove.java.properties", "false", "schemas are registered with their properties as"
          + " given").on(Side.SERIALIZER),
      defaultOnly("avro.fail.on.trailing.data", "false", "bytes after the Avro datum are not checked")
          .on(Side.DESERIALIZER),
      defaultOnly("validation.rules.execution", "DISABLED", RULES).on(Side.SERIALIZER)));

  private AvroKeys() {}
}
