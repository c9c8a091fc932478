package dev.stele.serde.avro.internal;

import static dev.stele.client.internal.ConfigKey.defaultOnly;
import static dev.stele.client.internal.ConfigKey.honoured;

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
      honoured("specific.avro.key.type", null, "with specific.avro.reader=true, the SpecificRecord class keys"
          + " are read into, whatever class the writer schema names; without specific.avro.reader it fails")
          .on(Side.DESERIALIZER),
      honoured("specific.avro.value.type", null, "with specific.avro.reader=true, the SpecificRecord class"
          + " values are read into, whatever class the writer schema names; without specific.avro.reader it"
          + " fails").on(Side.DESERIALIZER),
      honoured("avro.use.logical.type.converters", "false", "generic and reflected data hold logical types as"
          + " Java types (Instant, LocalDate, LocalTime, BigDecimal, UUID...) when written and read; false: as"
          + " their Avro encoding (e.g. a long for timestamp-millis)"),
      honoured("schema.reflection", "false", "serializers write plain Java objects with the schema Avro's"
          + " ReflectData derives from their class; deserializers read records into the classes their schema"
          + " names (generic records when none is on the class path)"),
      honoured("avro.reflection.allow.null", "false", "with schema.reflection, reflected schemas let every"
          + " field be null (ReflectData.AllowNull)"),
      honoured("avro.remove.java.properties", "false", "register schemas without the avro.java.string"
          + " properties of generated classes").on(Side.SERIALIZER),
      defaultOnly("avro.fail.on.trailing.data", "false", "bytes after the Avro datum are not checked")
          .on(Side.DESERIALIZER),
      defaultOnly("validation.rules.execution", "DISABLED", RULES).on(Side.SERIALIZER)));

  private AvroKeys() {}
}
