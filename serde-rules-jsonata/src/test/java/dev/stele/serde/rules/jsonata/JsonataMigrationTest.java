package dev.stele.serde.rules.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.client.Metadata;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import dev.stele.serde.jsonschema.KafkaJsonSchemaDeserializer;
import dev.stele.serde.jsonschema.KafkaJsonSchemaSerializer;
import dev.stele.serde.rules.RuleFailedException;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migration rules as in Confluent's data contracts guide: version 1 has {@code ssn}, version 2
 * renames it {@code social} with JSONata UPGRADE and DOWNGRADE rules; producers pin a major
 * version with {@code use.latest.with.metadata}, consumers read as the latest or as another major.
 */
class JsonataMigrationTest {
  static final String UPGRADE = "$merge([$sift($, function($v, $k) {$k != 'ssn'}), {'social': $.ssn}])";
  static final String DOWNGRADE = "$merge([$sift($, function($v, $k) {$k != 'social'}), {'ssn': $.social}])";
  static final String AVRO_V1 = "{\"type\":\"record\",\"name\":\"Student\",\"namespace\":\"school\",\"fields\":["
      + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"ssn\",\"type\":\"string\"}]}";
  static final String AVRO_V2 = AVRO_V1.replace("\"ssn\"", "\"social\"");
  static final String JSON_V1 = "{\"title\":\"Student\",\"type\":\"object\",\"properties\":{"
      + "\"name\":{\"type\":\"string\"},\"ssn\":{\"type\":\"string\"}}}";
  static final String JSON_V2 = JSON_V1.replace("\"ssn\"", "\"social\"");
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  @BeforeAll
  static void register() throws Exception {
    for (String[] subject : new String[][] {{"mig-value", "AVRO", AVRO_V1, AVRO_V2},
        {"jmig-value", "JSON", JSON_V1, JSON_V2}}) {
      REGISTRY.client().setCompatibility(subject[0], "NONE");
      REGISTRY.client().register(subject[0], SchemaDefinition.of(subject[1], subject[2]).withContract(major(1),
          null));
      REGISTRY.client().register(subject[0], SchemaDefinition.of(subject[1], subject[3]).withContract(major(2),
          new RuleSet(List.of(
              Rule.of("toSocial", RuleKind.TRANSFORM, RuleMode.UPGRADE, "JSONATA", UPGRADE),
              Rule.of("toSsn", RuleKind.TRANSFORM, RuleMode.DOWNGRADE, "JSONATA", DOWNGRADE)), List.of(), List.of())));
    }
  }

  static Metadata major(int major) {
    return new Metadata(Map.of(), Map.of("major", String.valueOf(major)), Set.of());
  }

  static GenericRecord record(String schema, String field, String value) {
    GenericRecord record = new GenericData.Record(new Schema.Parser().parse(schema));
    record.put("name", "Ann");
    record.put(field, value);
    return record;
  }

  static KafkaAvroSerializer avroSerializer(Object... pairs) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(REGISTRY.configs(pairs), false);
    return serializer;
  }

  static GenericRecord avroRead(byte[] bytes, Object... pairs) {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(REGISTRY.configs(pairs), false);
    return (GenericRecord) deserializer.deserialize("mig", bytes);
  }

  @Test
  void aVersionOneRecordIsUpgradedForAReaderOfTheLatest() {
    byte[] v1 = avroSerializer("auto.register.schemas", false, "use.latest.with.metadata", "major=1")
        .serialize("mig", record(AVRO_V1, "ssn", "123"));
    GenericRecord upgraded = avroRead(v1, "use.latest.version", true);
    assertThat(upgraded.getSchema().getField("social")).isNotNull();
    assertThat(upgraded.get("social").toString()).isEqualTo("123");
    assertThat(avroRead(v1).get("ssn").toString()).as("without a target, read as written").isEqualTo("123");
  }

  @Test
  void aVersionTwoRecordIsDowngradedForAReaderPinnedToMajorOne() {
    byte[] v2 = avroSerializer("auto.register.schemas", false, "use.latest.version", true)
        .serialize("mig", record(AVRO_V2, "social", "456"));
    GenericRecord downgraded = avroRead(v2, "use.latest.with.metadata", "major=1");
    assertThat(downgraded.get("ssn").toString()).isEqualTo("456");
    assertThat(downgraded.getSchema().getField("social")).isNull();
  }

  @Test
  void aFailingMigrationFailsTheRecordNamingTheRule() throws Exception {
    REGISTRY.client().setCompatibility("bad-value", "NONE");
    REGISTRY.client().register("bad-value", SchemaDefinition.avro(AVRO_V1).withContract(major(1), null));
    REGISTRY.client().register("bad-value", SchemaDefinition.avro(AVRO_V2).withContract(major(2), new RuleSet(
        List.of(Rule.of("broken", RuleKind.TRANSFORM, RuleMode.UPGRADE, "JSONATA", "$merge([")), List.of(),
        List.of())));
    byte[] v1 = avroSerializer("auto.register.schemas", false, "use.latest.with.metadata", "major=1")
        .serialize("bad", record(AVRO_V1, "ssn", "1"));
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(REGISTRY.configs("use.latest.version", true), false);
    assertThatThrownBy(() -> deserializer.deserialize("bad", v1)).isInstanceOf(RuleFailedException.class)
        .hasMessage("Rule failed: broken").cause().hasMessageContaining("JSONata");
  }

  @Test
  void jsonRecordsMigrateBothWays() throws Exception {
    KafkaJsonSchemaSerializer<JsonNode> v1Writer = new KafkaJsonSchemaSerializer<>();
    v1Writer.configure(REGISTRY.configs("auto.register.schemas", false, "use.latest.with.metadata", "major=1"), false);
    byte[] v1 = v1Writer.serialize("jmig", JSON.readTree("{\"name\":\"Ann\",\"ssn\":\"123\"}"));
    KafkaJsonSchemaDeserializer<JsonNode> latestReader = new KafkaJsonSchemaDeserializer<>();
    latestReader.configure(REGISTRY.configs("use.latest.version", true), false);
    assertThat(latestReader.deserialize("jmig", v1)).isEqualTo(JSON.readTree("{\"name\":\"Ann\",\"social\":\"123\"}"));

    KafkaJsonSchemaSerializer<JsonNode> v2Writer = new KafkaJsonSchemaSerializer<>();
    v2Writer.configure(REGISTRY.configs("auto.register.schemas", false, "use.latest.version", true,
        "latest.compatibility.strict", false), false);
    byte[] v2 = v2Writer.serialize("jmig", JSON.readTree("{\"name\":\"Bob\",\"social\":\"9\"}"));
    KafkaJsonSchemaDeserializer<JsonNode> majorOneReader = new KafkaJsonSchemaDeserializer<>();
    majorOneReader.configure(REGISTRY.configs("use.latest.with.metadata", "major=1"), false);
    assertThat(majorOneReader.deserialize("jmig", v2)).isEqualTo(JSON.readTree("{\"name\":\"Bob\",\"ssn\":\"9\"}"));
  }
}
