package dev.stele.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.testing.SerdeRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records framed as Confluent 8's serializers can write them, read as its default
 * DualSchemaIdDeserializer reads them: the schema named in the {@code __value_schema_id} (or
 * {@code __key_schema_id}) header by id or by GUID, or by GUID in the payload prefix. The frames
 * are built by hand from the byte layout, against a real server in-process.
 */
class SchemaIdFramingTest {
  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();
  static int userId;
  static UUID userGuid;

  @BeforeAll
  static void start() throws Exception {
    userId = REGISTRY.client().register("users-value", SchemaDefinition.avro(KafkaAvroSerializerTest.USER.toString()));
    HttpResponse<String> schema = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(REGISTRY.url() + "/schemas/ids/" + userId)).build(), HttpResponse.BodyHandlers.ofString());
    userGuid = UUID.fromString(new ObjectMapper().readTree(schema.body()).path("guid").asText());
  }

  private static GenericRecord read(RecordHeaders headers, byte[] data, boolean isKey) {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(REGISTRY.configs(), isKey);
    return (GenericRecord) deserializer.deserialize("users", headers, data);
  }

  private static RecordHeaders header(String name, byte[] value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(name, value);
    return headers;
  }

  private static byte[] user() {
    return AvroBytes.bare().string("ab").varint(42).bytes();
  }

  @Test
  void anIdInTheValueHeaderNamesTheSchemaOfABarePayload() {
    GenericRecord record = read(header("__value_schema_id", AvroBytes.frame(userId).bytes()), user(), false);
    assertThat(record.get("name").toString()).isEqualTo("ab");
    assertThat(record.get("age")).isEqualTo(42);
  }

  @Test
  void aGuidInTheHeaderOrThePrefixIsLookedUp() {
    byte[] guid = AvroBytes.guidFrame(userGuid).bytes();
    assertThat(read(header("__value_schema_id", guid), user(), false).get("age")).isEqualTo(42);
    assertThat(read(header("__key_schema_id", guid), user(), true).get("age")).isEqualTo(42);
    byte[] prefixed = AvroBytes.guidFrame(userGuid).string("cd").varint(7).bytes();
    assertThat(read(new RecordHeaders(), prefixed, false).get("name").toString()).isEqualTo("cd");
  }

  @Test
  void theHeaderOfTheOtherSideIsNotRead() {
    // A value deserializer looks at __value_schema_id only: with a key header the payload must be framed.
    assertThatThrownBy(() -> read(header("__key_schema_id", AvroBytes.frame(userId).bytes()), user(), false))
        .isInstanceOf(SerializationException.class);
    GenericRecord framed = read(header("__key_schema_id", AvroBytes.frame(999).bytes()),
        AvroBytes.frame(userId).string("ef").varint(1).bytes(), false);
    assertThat(framed.get("name").toString()).isEqualTo("ef");
  }

  @Test
  void theHeaderSerializerWritesTheGuidInTheHeaderAndABarePayload() {
    GenericRecord user = new org.apache.avro.generic.GenericData.Record(KafkaAvroSerializerTest.USER);
    user.put("name", "gh");
    user.put("age", 3);
    for (boolean isKey : new boolean[] {false, true}) {
      KafkaAvroSerializer serializer = new KafkaAvroSerializer();
      serializer.configure(REGISTRY.configs((isKey ? "key" : "value") + ".schema.id.serializer",
          "io.confluent.kafka.serializers.schema.id.HeaderSchemaIdSerializer"), isKey);
      RecordHeaders headers = new RecordHeaders();
      byte[] payload = serializer.serialize("users", headers, user);
      assertThat(payload).isEqualTo(AvroBytes.bare().string("gh").varint(3).bytes());
      String name = isKey ? "__key_schema_id" : "__value_schema_id";
      assertThat(headers.lastHeader(name).value()).isEqualTo(AvroBytes.guidFrame(userGuid).bytes());
      assertThat(read(headers, payload, isKey).get("name").toString()).isEqualTo("gh");
      assertThatThrownBy(() -> serializer.serialize("users", user)).hasMessageContaining("has no headers");
    }
  }

  @Test
  void useSchemaGuidWritesWithTheSchemaOfThatGuid() {
    GenericRecord user = new org.apache.avro.generic.GenericData.Record(KafkaAvroSerializerTest.USER);
    user.put("name", "ij");
    user.put("age", 5);
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(REGISTRY.configs("auto.register.schemas", false, "use.schema.guid", userGuid.toString()),
        false);
    assertThat(serializer.serialize("elsewhere", user)).isEqualTo(AvroBytes.frame(userId).string("ij").varint(5).bytes());
    assertThatThrownBy(() -> new KafkaAvroSerializer().configure(REGISTRY.configs("use.schema.id", userId,
        "use.schema.guid", userGuid.toString()), false)).hasMessageContaining("not both");
    assertThatThrownBy(() -> new KafkaAvroSerializer().configure(REGISTRY.configs("use.schema.guid", "nope"), false))
        .hasMessageContaining("must be a schema GUID");
  }

  @Test
  void otherFramingClassesAreRefused() {
    assertThatThrownBy(() -> new KafkaAvroSerializer().configure(REGISTRY.configs("value.schema.id.serializer",
        "com.example.MySchemaIdSerializer"), false))
        .hasMessageContaining("value.schema.id.serializer=com.example.MySchemaIdSerializer is not supported");
  }

  @Test
  void anUnknownGuidOrABadHeaderNamesWhatIsWrong() {
    UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000001");
    assertThatThrownBy(() -> read(header("__value_schema_id", AvroBytes.guidFrame(unknown).bytes()), user(), false))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("does not know schema GUID " + unknown);
    assertThatThrownBy(() -> read(header("__value_schema_id", new byte[] {7, 0, 0, 0, 1}), user(), false))
        .hasMessageContaining("__value_schema_id header starts with unknown magic byte 7");
    assertThatThrownBy(() -> read(header("__value_schema_id", new byte[] {1, 2, 3}), user(), false))
        .hasMessageContaining("starts with magic byte 1 (a schema GUID) but has 3 bytes");
  }
}
