package dev.stele.serde.internal;

import static dev.stele.client.internal.ConfigKey.defaultOnly;
import static dev.stele.client.internal.ConfigKey.honoured;
import static dev.stele.client.internal.ConfigKey.refused;

import dev.stele.client.internal.KeyTable;
import java.util.List;

/**
 * The keys every Confluent 8.5 serde reads ({@code AbstractKafkaSchemaSerDeConfig}) other than
 * the registry client's, which are {@code ClientKeys}' and checked when the client is built.
 * docs/client-config.md is this table in prose; {@code SerdeKeysTest} walks it.
 */
public final class SerdeKeys {
  private static final String RULES = "this part of data contracts is not implemented yet";
  /** Confluent's framing classes, named as strings: Stele's serdes do not load them. */
  static final String PREFIX_ID_SERIALIZER = "io.confluent.kafka.serializers.schema.id.PrefixSchemaIdSerializer";
  static final String HEADER_ID_SERIALIZER = "io.confluent.kafka.serializers.schema.id.HeaderSchemaIdSerializer";
  private static final String ID_SERIALIZER = "PrefixSchemaIdSerializer: magic byte 0 and the id before the"
      + " payload; HeaderSchemaIdSerializer: the payload bare, magic byte 1 and the schema's GUID (and Protobuf's"
      + " message indexes) in the __key_schema_id / __value_schema_id header; other classes fail";

  public static final KeyTable TABLE = KeyTable.of("serializers", List.of(
      honoured("auto.register.schemas", "true", "register the schema; wins over use.schema.id and the"
          + " latest version, as in Confluent"),
      honoured("normalize.schemas", "false", "register and look up with normalize=true"),
      honoured("use.schema.id", "-1", "write with this id when auto.register.schemas is false"),
      honoured("id.compatibility.strict", "true", "with use.schema.id, the id's schema must read what"
          + " the serializer's own schema writes"),
      honoured("use.latest.version", "false", "serializers write with the subject's latest version;"
          + " deserializers migrate records to it when migration rules lie between"),
      honoured("latest.compatibility.strict", "true", "with use.latest.version, the latest version must"
          + " read what the serializer's own schema writes"),
      honoured("latest.cache.size", "1000", "how many subjects' latest versions are cached"),
      honoured("key.subject.name.strategy", "io.confluent.kafka.serializers.subject.AssociatedNameStrategy",
          "AssociatedNameStrategy (the registry's association for the topic, else the fallback), TopicNameStrategy,"
              + " RecordNameStrategy, TopicRecordNameStrategy or a class implementing Stele's SubjectNameStrategy"),
      honoured("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.AssociatedNameStrategy",
          "as key.subject.name.strategy"),
      honoured("subject.name.strategy.kafka.cluster.id", null, "AssociatedNameStrategy: the resource namespace"
          + " asked for; unset asks for any (-)"),
      honoured("subject.name.strategy.fallback.type", "TOPIC", "AssociatedNameStrategy without an association:"
          + " TOPIC, RECORD, TOPIC_RECORD, or NONE to fail the record"),
      honoured("subject.name.strategy.cache.size", "1000", "AssociatedNameStrategy: how many topics' answers are kept"),
      honoured("subject.name.strategy.cache.expiry.secs", "-1", "AssociatedNameStrategy: how long an answer is"
          + " kept; -1 = until evicted"),
      honoured("use.latest.with.metadata", null, "k1=v1,k2=v2: serializers write with the latest version whose"
          + " metadata properties hold them; deserializers migrate records to it (migration rules)"),
      honoured("use.schema.guid", null, "write with the schema of this GUID when auto.register.schemas is false,"
          + " as use.schema.id does with an id (not both)"),
      defaultOnly("propagate.schema.tags", "false", "schema tags are not carried over between versions"),
      refused("schema.format", null, "registering in another schema format is not implemented"),
      refused("execution.environment", null, RULES),
      honoured("rule.executors", "", "names of rule executors, each with rule.executors.<name>.class"
          + " (required: a name without a class is refused)"),
      honoured("rule.executors.*", null, "<name>.class, <name>.param.* (params, also under _default_ and"
          + " _<TYPE>_), and per rule name, _<TYPE>_ or _default_: onSuccess, onFailure, disabled; any other"
          + " key under rule.executors. is refused"),
      honoured("rule.actions", "", "names of rule actions, each with rule.actions.<name>.class"),
      honoured("rule.actions.*", null, "<name>.class and <name>.param.* (params; also under _default_ and"
          + " _<TYPE>_), e.g. rule.actions._default_.param.dlq.topic"),
      honoured("rule.service.loader.enable", "true", "also load every RuleExecutor and RuleAction found by"
          + " ServiceLoader (CEL and CEL_FIELD from stele-serde-rules-cel, JSONATA from stele-serde-rules-jsonata,"
          + " ENCRYPT and ENCRYPT_PAYLOAD from stele-serde-rules-encryption, DLQ from serde-common)"),
      defaultOnly("rule.metrics.enable", "true", "rule metrics are not recorded yet"),
      defaultOnly("validation.rules.executor.class", "io.confluent.kafka.schemaregistry.rules.cel.CelValidator",
          RULES),
      defaultOnly("validation.rules.fail.fast", "false", RULES),
      defaultOnly("context.name.strategy", "io.confluent.kafka.serializers.context.NullContextNameStrategy",
          "context name strategies are not supported; name the context in the subject (:.ctx:subject)"),
      honoured("key.schema.id.serializer", PREFIX_ID_SERIALIZER, ID_SERIALIZER),
      honoured("value.schema.id.serializer", PREFIX_ID_SERIALIZER, ID_SERIALIZER),
      defaultOnly("key.schema.id.deserializer", "io.confluent.kafka.serializers.schema.id.DualSchemaIdDeserializer",
          "Stele reads as DualSchemaIdDeserializer does: the id or GUID in the __key_schema_id /"
          + " __value_schema_id header, else in the payload prefix"),
      defaultOnly("value.schema.id.deserializer",
          "io.confluent.kafka.serializers.schema.id.DualSchemaIdDeserializer",
          "Stele reads as DualSchemaIdDeserializer does: the id or GUID in the __key_schema_id /"
          + " __value_schema_id header, else in the payload prefix")));
  // schema.reflection is Confluent's common key but only the Avro serdes act on it: it is in each
  // format's table (honoured by Avro's, refused unless false by the others).

  private SerdeKeys() {}
}
