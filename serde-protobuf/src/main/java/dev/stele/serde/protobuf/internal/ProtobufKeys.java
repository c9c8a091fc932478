package dev.stele.serde.protobuf.internal;

import static dev.stele.client.internal.ConfigKey.defaultOnly;
import static dev.stele.client.internal.ConfigKey.honoured;
import static dev.stele.client.internal.ConfigKey.refused;

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
      defaultOnly("derive.type", "false", "the class is not derived from java_outer_classname; name it with"
          + " specific.protobuf.value.type").on(Side.DESERIALIZER),
      defaultOnly("reference.lookup.only", "false", "imports are registered like the schema (with"
          + " auto.register.schemas); looking them up only is not supported yet").on(Side.SERIALIZER),
      refused("skip.known.types", "true", "Stele registers google/protobuf imports as references too, as the"
          + " Python and JavaScript serializers do").on(Side.SERIALIZER).accepting("false"),
      defaultOnly("validation.rules.execution", "DISABLED", RULES).on(Side.SERIALIZER)));

  private ProtobufKeys() {}
}
