package dev.stele.serde.protobuf.internal;

import static dev.stele.client.internal.ConfigKey.defaultOnly;
import static dev.stele.client.internal.ConfigKey.honoured;

import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.internal.KeyTable;
import java.util.List;

/**
 * The keys of Confluent 8.5's {@code KafkaProtobufSerializerConfig} and
 * {@code KafkaProtobufDeserializerConfig} beyond the common ones, and what Stele does with each.
 */
public final class ProtobufKeys {
  private static final String RULES = "schema validation rules are not implemented yet (domain rules are)";

  public static final KeyTable TABLE = KeyTable.of("Protobuf serializers", List.of(
      honoured("specific.protobuf.key.type", "java.lang.Object", "the generated class keys are parsed into;"
          + " unset, a DynamicMessage").on(Side.DESERIALIZER),
      honoured("specific.protobuf.value.type", "java.lang.Object", "the generated class values are parsed"
          + " into; unset, a DynamicMessage").on(Side.DESERIALIZER),
      honoured("reference.subject.name.strategy",
          "io.confluent.kafka.serializers.subject.DefaultReferenceSubjectNameStrategy",
          "Default (the import path) or Qualified (dotted) reference subjects").on(Side.SERIALIZER),
      honoured("derive.type", "false", "with no specific.protobuf.key/value.type, read into the generated class"
          + " the writer's schema names (java_package, java_outer_classname, java_multiple_files) instead of a"
          + " DynamicMessage").on(Side.DESERIALIZER),
      honoured("reference.lookup.only", "false", "imports are only looked up, never registered, even with"
          + " auto.register.schemas; an import the registry lacks fails the record").on(Side.SERIALIZER),
      honoured("skip.known.types", "true", "imports the registry knows by itself (google/protobuf, google/type,"
          + " confluent/meta.proto, confluent/type/decimal.proto) are not registered nor referenced; false"
          + " registers them under their own subjects and references them like any import").on(Side.SERIALIZER),
      defaultOnly("validation.rules.execution", "DISABLED", RULES).on(Side.SERIALIZER),
      defaultOnly("schema.reflection", "false", "Avro reflection is for the Avro serdes; this format has no"
          + " reflected schemas")));

  private ProtobufKeys() {}
}
