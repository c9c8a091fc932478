package dev.stele.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.ClientConfig;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.testing.TestRegistry;
import dev.stele.serde.SerdeConfig;
import dev.stele.serde.avro.testdata.Payment;
import dev.stele.serde.testing.SerdeRegistry;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The serializer against a real server in-process; expected bytes are built by hand from the specs. */
class KafkaAvroSerializerTest {
  static final Schema USER = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"acme\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}");
  static final Schema USER_V2 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"acme\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"},"
      + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  static KafkaAvroSerializer serializerFor(String url) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(Map.of(ClientConfig.URL, url), false);
    return serializer;
  }

  static KafkaAvroSerializer serializer(boolean isKey, Object... pairs) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(REGISTRY.configs(pairs), isKey);
    return serializer;
  }

  static GenericRecord user(String name, int age) {
    GenericRecord record = new GenericData.Record(USER);
    record.put("name", name);
    record.put("age", age);
    return record;
  }

  @Test
  void aGenericRecordIsFramedWithItsRegisteredIdAndAvroBinary() throws Exception {
    byte[] bytes = serializer(false).serialize("users", user("ab", -3));
    int id = REGISTRY.client().getLatest("users-value").id();
    assertThat(bytes).containsExactly(AvroBytes.frame(id).string("ab").varint(-3).bytes());
    assertThat(REGISTRY.client().getById(id).text()).isEqualTo(USER.toString());
  }

  @Test
  void primitivesUseConfluentsSchemas() throws Exception {
    KafkaAvroSerializer serializer = serializer(false);
    byte[] string = serializer.serialize("p-string", "hi");
    byte[] integer = serializer.serialize("p-int", 300);
    byte[] longValue = serializer.serialize("p-long", -1L);
    byte[] bool = serializer.serialize("p-bool", true);
    byte[] bytes = serializer.serialize("p-bytes", new byte[] {7, 8});
    byte[] buffer = serializer.serialize("p-buffer", ByteBuffer.wrap(new byte[] {9}));
    byte[] dbl = serializer.serialize("p-double", 1.5d);
    assertThat(string).containsExactly(AvroBytes.frame(id("p-string")).string("hi").bytes());
    assertThat(integer).containsExactly(AvroBytes.frame(id("p-int")).varint(300).bytes());
    assertThat(longValue).containsExactly(AvroBytes.frame(id("p-long")).varint(-1).bytes());
    assertThat(bool).containsExactly(AvroBytes.frame(id("p-bool")).raw(1).bytes());
    assertThat(bytes).containsExactly(AvroBytes.frame(id("p-bytes")).varint(2).raw(7, 8).bytes());
    assertThat(buffer).containsExactly(AvroBytes.frame(id("p-buffer")).varint(1).raw(9).bytes());
    assertThat(dbl).containsExactly(AvroBytes.frame(id("p-double")).doubleValue(1.5).bytes());
    assertThat(REGISTRY.client().getLatest("p-string-value").schema().text()).isEqualTo("\"string\"");
    assertThat(REGISTRY.client().getLatest("p-bytes-value").schema().text()).isEqualTo("\"bytes\"");
    assertThat(serializer.serialize("p-null", null)).isNull();
  }

  @Test
  void aSpecificRecordIsWrittenLikeAnyOther() throws Exception {
    byte[] bytes = serializer(false).serialize("payments", new Payment("p1", 2.25));
    assertThat(bytes).containsExactly(AvroBytes.frame(id("payments")).string("p1").doubleValue(2.25).bytes());
  }

  @Test
  void keysGoToTheKeySubject() throws Exception {
    serializer(true).serialize("keyed", "k");
    assertThat(REGISTRY.client().getVersions("keyed-key")).containsExactly(1);
  }

  @Test
  void recordNameStrategiesNameTheSubjectAfterTheRecord() throws Exception {
    serializer(false, SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
        "io.confluent.kafka.serializers.subject.RecordNameStrategy").serialize("any", new Payment("x", 1));
    serializer(false, SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy").serialize("mixed", new Payment("x", 1));
    assertThat(REGISTRY.client().getSubjects()).contains("dev.stele.serde.avro.testdata.Payment",
        "mixed-dev.stele.serde.avro.testdata.Payment");
  }

  @Test
  void withoutAutoRegisterTheSchemaIsLookedUp() throws Exception {
    int id = REGISTRY.client().register("lookup-value", SchemaDefinition.avro(USER.toString()));
    KafkaAvroSerializer serializer = serializer(false, SerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
    assertThat(serializer.serialize("lookup", user("a", 1))).startsWith(AvroBytes.frame(id).bytes());
    assertThatThrownBy(() -> serializer.serialize("unregistered", user("a", 1)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic 'unregistered'").hasMessageContaining("unregistered-value")
        .hasCauseInstanceOf(dev.stele.client.RestClientException.class);
  }

  @Test
  void useLatestVersionWritesWithTheLatestSchema() throws Exception {
    REGISTRY.client().register("latest-value", SchemaDefinition.avro(USER.toString()));
    int v2 = REGISTRY.client().register("latest-value", SchemaDefinition.avro(USER_V2.toString()));
    byte[] bytes = serializer(false, SerdeConfig.AUTO_REGISTER_SCHEMAS, false, SerdeConfig.USE_LATEST_VERSION, true)
        .serialize("latest", userV2("n", 5));
    // name, age, then union branch 0 (null) for email.
    assertThat(bytes).containsExactly(AvroBytes.frame(v2).string("n").varint(5).varint(0).bytes());
  }

  @Test
  void useLatestWithMetadataWritesWithTheVersionHoldingTheProperties() throws Exception {
    dev.stele.client.Metadata one = new dev.stele.client.Metadata(Map.of(), Map.of("major", "1"), java.util.Set.of());
    dev.stele.client.Metadata two = new dev.stele.client.Metadata(Map.of(), Map.of("major", "2"), java.util.Set.of());
    int v1 = REGISTRY.client().register("pinned-value", SchemaDefinition.avro(USER.toString()).withContract(one, null));
    REGISTRY.client().register("pinned-value", SchemaDefinition.avro(USER_V2.toString()).withContract(two, null));
    byte[] bytes = serializer(false, SerdeConfig.AUTO_REGISTER_SCHEMAS, false, SerdeConfig.USE_LATEST_WITH_METADATA,
        "major=1").serialize("pinned", user("n", 5));
    assertThat(bytes).containsExactly(AvroBytes.frame(v1).string("n").varint(5).bytes());
    assertThatThrownBy(() -> serializer(false, SerdeConfig.USE_LATEST_WITH_METADATA, "major"))
        .hasMessageContaining("use.latest.with.metadata must be key=value pairs");
  }

  @Test
  void strictLatestRefusesDataTheLatestVersionCannotRead() throws Exception {
    REGISTRY.client().register("strict-value", SchemaDefinition.avro("\"string\""));
    KafkaAvroSerializer strict = serializer(false, SerdeConfig.AUTO_REGISTER_SCHEMAS, false,
        SerdeConfig.USE_LATEST_VERSION, true);
    assertThatThrownBy(() -> strict.serialize("strict", 42))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("latest version of subject 'strict-value'").hasMessageContaining("cannot read");
  }

  @Test
  void useSchemaIdFramesWithThatId() throws Exception {
    int id = REGISTRY.client().register("fixed-other", SchemaDefinition.avro(USER.toString()));
    byte[] bytes = serializer(false, SerdeConfig.AUTO_REGISTER_SCHEMAS, false, SerdeConfig.USE_SCHEMA_ID, id)
        .serialize("fixed", user("a", 2));
    assertThat(bytes).containsExactly(AvroBytes.frame(id).string("a").varint(2).bytes());
  }

  @Test
  void dataThatDoesNotMatchItsSchemaIsASerializationException() {
    GenericRecord broken = new GenericData.Record(USER);
    broken.put("name", "a");
    broken.put("age", "not an int");
    assertThatThrownBy(() -> serializer(false).serialize("broken", broken))
        .isInstanceOf(SerializationException.class).hasMessageContaining("topic 'broken'")
        .hasMessageContaining("schema id").hasCauseInstanceOf(ClassCastException.class);
    assertThatThrownBy(() -> serializer(false).serialize("broken", new Object()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.Object");
  }

  @Test
  void anIncompatibleSchemaIsRefusedWithTheRegistrysReason() {
    KafkaAvroSerializer serializer = serializer(false);
    serializer.serialize("evolving", "first a string");
    assertThatThrownBy(() -> serializer.serialize("evolving", 1))
        .isInstanceOf(SerializationException.class).hasMessageContaining("evolving-value")
        .hasMessageContaining("incompatible");
  }

  @Test
  void aRegistryThatIsDownIsASerializationExceptionWithItsCause() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(Map.of(ClientConfig.URL, TestRegistry.deadUrl(), ClientConfig.MAX_RETRIES, "0"), false);
    assertThatThrownBy(() -> serializer.serialize("down", "x"))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unavailable")
        .hasCauseInstanceOf(java.io.IOException.class);
  }

  @Test
  void aSerializerUsedBeforeConfigureSaysSo() {
    assertThatThrownBy(() -> new KafkaAvroSerializer().serialize("early", "x"))
        .isInstanceOf(IllegalStateException.class).hasMessage("KafkaAvroSerializer used before configure()");
  }

  static GenericRecord userV2(String name, int age) {
    GenericRecord record = new GenericData.Record(USER_V2);
    record.put("name", name);
    record.put("age", age);
    return record;
  }

  static int id(String topic) throws Exception {
    return REGISTRY.client().getLatest(topic + "-value").id();
  }
}
