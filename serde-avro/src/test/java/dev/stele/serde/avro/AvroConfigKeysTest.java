package dev.stele.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.ClientConfig;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.internal.KeyTable;
import dev.stele.client.testing.KeyTableWalk;
import dev.stele.client.testing.RecordingProxy;
import dev.stele.serde.SerdeConfig;
import dev.stele.serde.avro.internal.AvroKeys;
import dev.stele.serde.internal.SerdeKeys;
import dev.stele.serde.testing.KeyTableContract;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks the serdes' common key table and Avro's (docs/client-config.md) against the real Avro
 * serializer and deserializer, and shows the common keys whose effect no other test shows.
 */
class AvroConfigKeysTest {
  private static final String AVRO = "dev.stele.serde.avro.";
  static final Schema COLOR = new Schema.Parser().parse(
      "{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\",\"GREEN\"]}");
  static final Schema RED_ONLY = new Schema.Parser().parse(
      "{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\"]}");

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  private static final String RULES = "dev.stele.serde.rules.internal.RuleEngineTest#";
  static final Map<String, String> COMMON_EVIDENCE = Map.ofEntries(
      Map.entry("auto.register.schemas", AVRO + "AvroConfigKeysTest#autoRegisterWinsOverUseSchemaIdAsInConfluent"),
      Map.entry("normalize.schemas", AVRO + "AvroConfigKeysTest#normalizeSchemasAsksTheRegistryToNormalize"),
      Map.entry("use.schema.id", AVRO + "KafkaAvroSerializerTest#useSchemaIdFramesWithThatId"),
      Map.entry("id.compatibility.strict", AVRO + "AvroConfigKeysTest#idCompatibilityStrictRefusesAnIdThatCannotReadTheData"),
      Map.entry("use.latest.version", AVRO + "KafkaAvroSerializerTest#useLatestVersionWritesWithTheLatestSchema"),
      Map.entry("use.schema.guid", AVRO + "SchemaIdFramingTest#useSchemaGuidWritesWithTheSchemaOfThatGuid"),
      Map.entry("key.schema.id.serializer", AVRO + "SchemaIdFramingTest#theHeaderSerializerWritesTheGuidInTheHeaderAndABarePayload"),
      Map.entry("value.schema.id.serializer", AVRO + "SchemaIdFramingTest#theHeaderSerializerWritesTheGuidInTheHeaderAndABarePayload"),
      Map.entry("latest.compatibility.strict", AVRO + "KafkaAvroSerializerTest#strictLatestRefusesDataTheLatestVersionCannotRead"),
      Map.entry("latest.cache.size", "dev.stele.client.ConnectionOptionsTest#theLatestCacheHoldsLatestCacheSizeSubjects"),
      Map.entry("subject.name.strategy.kafka.cluster.id", AVRO + "AssociatedNameStrategyTest#theClusterIdNarrowsTheAssociationAskedFor"),
      Map.entry("subject.name.strategy.fallback.type", AVRO + "AssociatedNameStrategyTest#aFallbackOfNoneFailsATopicWithoutAssociation"),
      Map.entry("subject.name.strategy.cache.size", "dev.stele.serde.AssociatedNameStrategyCacheTest#theCacheHoldsCacheSizeTopicsForItsExpiry"),
      Map.entry("subject.name.strategy.cache.expiry.secs", "dev.stele.serde.AssociatedNameStrategyCacheTest#theCacheHoldsCacheSizeTopicsForItsExpiry"),
      Map.entry("key.subject.name.strategy", AVRO + "KafkaAvroSerializerTest#recordNameStrategiesNameTheSubjectAfterTheRecord"),
      Map.entry("value.subject.name.strategy", AVRO + "KafkaAvroSerializerTest#recordNameStrategiesNameTheSubjectAfterTheRecord"),
      Map.entry("use.latest.with.metadata", AVRO + "KafkaAvroSerializerTest#useLatestWithMetadataWritesWithTheVersionHoldingTheProperties"),
      Map.entry("rule.executors", RULES + "aFailedConditionIsConfluentsRuleFailedErrorCarryingTheRule"),
      Map.entry("rule.executors.*", RULES + "ruleExecutorsKeysOverrideActionsAndDisabledByRuleNameTypeOrDefault"),
      Map.entry("rule.actions", RULES + "ruleActionsConfigureNamedActionsAndTwoActionsSplitByWriteAndRead"),
      Map.entry("rule.actions.*", RULES + "ruleActionsConfigureNamedActionsAndTwoActionsSplitByWriteAndRead"),
      Map.entry("rule.service.loader.enable", RULES + "aFieldTransformRewritesTheTaggedFieldsAndRuleServiceLoaderEnableFalseUnloadsItsExecutors"));

  @Test
  void everyHonouredKeyNamesTheTestThatShowsItsEffect() {
    KeyTableWalk.honouredKeysHaveEvidence(SerdeKeys.TABLE, COMMON_EVIDENCE);
    String data = AVRO + "AvroDataKeysTest#";
    KeyTableWalk.honouredKeysHaveEvidence(AvroKeys.TABLE, Map.of("specific.avro.reader",
        AVRO + "KafkaAvroDeserializerTest#theSpecificReaderReturnsTheGeneratedClass",
        "specific.avro.key.type", data + "aSpecificTypeReadsIntoThatClassWhateverTheWriterSchemaNames",
        "specific.avro.value.type", data + "aSpecificTypeReadsIntoThatClassWhateverTheWriterSchemaNames",
        "avro.use.logical.type.converters", data + "logicalTypeConvertersHoldLogicalTypesAsJavaTypes",
        "schema.reflection", data + "schemaReflectionWritesAndReadsPlainObjects",
        "avro.reflection.allow.null", data + "reflectionAllowNullMakesEveryFieldNullable",
        "avro.remove.java.properties", data + "removeJavaPropertiesRegistersTheSchemaWithoutThem"));
  }

  @Test
  void everyRefusedKeyFailsConfigureNamingItself() {
    for (KeyTable table : new KeyTable[] {SerdeKeys.TABLE, AvroKeys.TABLE}) {
      KeyTableWalk.refusedKeysFailNamingThemselves(table, REGISTRY.configs(),
          KeyTableContract.configure(KafkaAvroSerializer::new, KafkaAvroDeserializer::new));
    }
  }

  @Test
  void aKeyTheOtherSideReadsIsLeftAlone() {
    // Confluent's serializer does not define avro.fail.on.trailing.data; it ignores it, and so do we.
    new KafkaAvroSerializer().configure(REGISTRY.configs("avro.fail.on.trailing.data", "true"), false);
    assertThatThrownBy(() -> new KafkaAvroDeserializer().configure(
        REGISTRY.configs("avro.fail.on.trailing.data", "true"), false))
        .hasMessageContaining("avro.fail.on.trailing.data=true is not supported by Stele's Avro serializers");
  }

  @Test
  void aGivenClientDoesNotLetARefusedClientKeyThrough() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer(REGISTRY.client());
    assertThatThrownBy(() -> serializer.configure(REGISTRY.configs("bearer.auth.custom.provider.class", "com.example.Tokens"), false))
        .hasMessageContaining("bearer.auth.custom.provider.class");
  }

  @Test
  void autoRegisterWinsOverUseSchemaIdAsInConfluent() throws Exception {
    int other = REGISTRY.client().register("fixed-elsewhere", SchemaDefinition.avro(COLOR.toString()));
    byte[] bytes = serializer(SerdeConfig.USE_SCHEMA_ID, other).serialize("autoreg", "text");
    int registered = REGISTRY.client().getLatest("autoreg-value").id();
    assertThat(registered).isNotEqualTo(other);
    assertThat(bytes).startsWith(AvroBytes.frame(registered).bytes());
  }

  @Test
  void idCompatibilityStrictRefusesAnIdThatCannotReadTheData() throws Exception {
    int redOnly = REGISTRY.client().register("colors-fixed", SchemaDefinition.avro(RED_ONLY.toString()));
    GenericData.EnumSymbol red = new GenericData.EnumSymbol(COLOR, "RED");
    assertThatThrownBy(() -> serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false, SerdeConfig.USE_SCHEMA_ID, redOnly)
        .serialize("colors", red))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + redOnly)
        .hasMessageContaining("id.compatibility.strict=false");
    byte[] bytes = serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false, SerdeConfig.USE_SCHEMA_ID, redOnly,
        SerdeConfig.ID_COMPATIBILITY_STRICT, false).serialize("colors", red);
    assertThat(bytes).containsExactly(AvroBytes.frame(redOnly).varint(0).bytes());
  }

  @Test
  void normalizeSchemasAsksTheRegistryToNormalize() throws Exception {
    try (RecordingProxy proxy = new RecordingProxy(REGISTRY.url())) {
      for (boolean normalize : new boolean[] {false, true}) {
        Map<String, Object> configs = REGISTRY.configs(SerdeConfig.NORMALIZE_SCHEMAS, normalize);
        configs.put(ClientConfig.URL, proxy.url());
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(configs, false);
        serializer.serialize("normalized", "x");
      }
      assertThat(proxy.calls().stream().filter(call -> !call.startsWith("GET /associations/")))
          .as("the registrations, besides the default strategy's association look-ups").containsExactly(
          "POST /subjects/normalized-value/versions?normalize=false",
          "POST /subjects/normalized-value/versions?normalize=true");
    }
  }

  private static KafkaAvroSerializer serializer(Object... pairs) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(REGISTRY.configs(pairs), false);
    return serializer;
  }

  @Test
  void everyKeyIsInTheDocs() {
    KeyTableWalk.documented(SerdeKeys.TABLE);
    KeyTableWalk.documented(AvroKeys.TABLE);
  }
}
