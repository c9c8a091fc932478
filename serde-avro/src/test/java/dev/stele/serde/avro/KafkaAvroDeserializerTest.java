package dev.stele.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.ClientConfig;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.testing.TestRegistry;
import dev.stele.serde.avro.testdata.Payment;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deserializer reading frames built by hand from the specs, against a real server in-process. */
class KafkaAvroDeserializerTest {
  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();
  static int userId;

  @BeforeAll
  static void start() throws Exception {
    userId = REGISTRY.client().register("users-value", SchemaDefinition.avro(KafkaAvroSerializerTest.USER.toString()));
  }

  static KafkaAvroDeserializer deserializer(Object... pairs) {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(REGISTRY.configs(pairs), false);
    return deserializer;
  }

  @Test
  void aHandBuiltFrameDecodesToAGenericRecord() {
    Object value = deserializer().deserialize("users", AvroBytes.frame(userId).string("ab").varint(42).bytes());
    assertThat(value).isInstanceOf(GenericRecord.class);
    GenericRecord record = (GenericRecord) value;
    assertThat(record.getSchema()).isEqualTo(KafkaAvroSerializerTest.USER);
    assertThat(record.get("name").toString()).isEqualTo("ab");
    assertThat(record.get("age")).isEqualTo(42);
  }

  @Test
  void primitivesComeBackAsJavaTypes() throws Exception {
    int string = REGISTRY.client().register("s-value", SchemaDefinition.avro("\"string\""));
    int bytes = REGISTRY.client().register("b-value", SchemaDefinition.avro("\"bytes\""));
    int longs = REGISTRY.client().register("l-value", SchemaDefinition.avro("\"long\""));
    KafkaAvroDeserializer deserializer = deserializer();
    assertThat(deserializer.deserialize("s", AvroBytes.frame(string).string("hé").bytes())).isEqualTo("hé");
    assertThat(deserializer.deserialize("b", AvroBytes.frame(bytes).varint(2).raw(1, 2).bytes()))
        .isEqualTo(new byte[] {1, 2});
    assertThat(deserializer.deserialize("l", AvroBytes.frame(longs).varint(-70_000).bytes())).isEqualTo(-70_000L);
    assertThat(deserializer.deserialize("l", null)).isNull();
  }

  @Test
  void serializerOutputRoundTrips() {
    KafkaAvroSerializer serializer = KafkaAvroSerializerTest.serializerFor(REGISTRY.url());
    byte[] bytes = serializer.serialize("round", KafkaAvroSerializerTest.user("z", 7));
    GenericRecord back = (GenericRecord) deserializer().deserialize("round", bytes);
    assertThat(back.get("name").toString()).isEqualTo("z");
    assertThat(back.get("age")).isEqualTo(7);
  }

  @Test
  void theSpecificReaderReturnsTheGeneratedClass() throws Exception {
    int id = REGISTRY.client().register("payments-value", SchemaDefinition.avro(Payment.SCHEMA$.toString()));
    byte[] frame = AvroBytes.frame(id).string("p9").doubleValue(12.5).bytes();
    Object value = deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true").deserialize("payments", frame);
    assertThat(value).isInstanceOf(Payment.class);
    assertThat(((Payment) value).id.toString()).isEqualTo("p9");
    assertThat(((Payment) value).amount).isEqualTo(12.5);
    assertThat(deserializer().deserialize("payments", frame)).isNotInstanceOf(Payment.class);
  }

  @Test
  void aSpecificReaderWithoutTheClassSaysWhichIsMissing() {
    assertThatThrownBy(() -> deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER, true)
        .deserialize("users", AvroBytes.frame(userId).string("a").varint(1).bytes()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("acme.User");
  }

  @Test
  void aConfiguredReaderSchemaResolvesOlderWriters() {
    Schema reader = KafkaAvroSerializerTest.USER_V2;
    byte[] v1Frame = AvroBytes.frame(userId).string("old").varint(3).bytes();
    GenericRecord byConfig = (GenericRecord) deserializer(AvroSerdeConfig.READER_SCHEMA, reader.toString())
        .deserialize("users", v1Frame);
    assertThat(byConfig.getSchema()).isEqualTo(reader);
    assertThat(byConfig.get("email")).isNull();
    assertThat(byConfig.get("age")).isEqualTo(3);
    KafkaAvroDeserializer inCode =
        new KafkaAvroDeserializer(REGISTRY.client(), Map.of(ClientConfig.URL, REGISTRY.url()), reader);
    assertThat(((GenericRecord) inCode.deserialize("users", v1Frame)).getSchema()).isEqualTo(reader);
  }

  @Test
  void aWrongMagicByteNamesTopicAndReason() {
    byte[] frame = AvroBytes.frame(userId).string("a").varint(1).bytes();
    frame[0] = 7; // 0 is an id, 1 a GUID (Confluent 8)
    assertThatThrownBy(() -> deserializer().deserialize("orders", frame))
        .isInstanceOf(SerializationException.class).hasMessageContaining("'orders'").hasMessageContaining("magic byte");
  }

  @Test
  void aTruncatedIdIsASerializationException() {
    assertThatThrownBy(() -> deserializer().deserialize("orders", new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("'orders'").hasMessageContaining("too short");
  }

  @Test
  void anUnknownIdNamesTheId() {
    assertThatThrownBy(() -> deserializer().deserialize("orders", AvroBytes.frame(4242).raw(2).bytes()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("'orders'")
        .hasMessageContaining("4242").hasMessageContaining("does not know");
  }

  @Test
  void undecodableBytesNameTopicIdAndReasonWithoutIndexErrorsEscaping() {
    KafkaAvroDeserializer deserializer = deserializer();
    byte[][] bad = {
        AvroBytes.frame(userId).bytes(),                           // no payload at all
        AvroBytes.frame(userId).string("abc").bytes(),             // the int is missing
        AvroBytes.frame(userId).varint(10).raw('a').bytes(),       // string longer than the data
        AvroBytes.frame(userId).varint(-5).bytes(),                // negative length
        AvroBytes.frame(userId).raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff).bytes(), // runaway varint
    };
    for (byte[] payload : bad) {
      assertThatThrownBy(() -> deserializer.deserialize("orders", payload))
          .isInstanceOf(SerializationException.class).hasMessageContaining("'orders'")
          .hasMessageContaining("schema id " + userId).hasMessageContaining("do not decode");
    }
    int union = registerUnion();
    assertThatThrownBy(() -> deserializer.deserialize("u", AvroBytes.frame(union).varint(7).bytes()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + union);
  }

  @Test
  void aRegistryThatIsDownIsASerializationExceptionWithItsCause() {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(Map.of(ClientConfig.URL, TestRegistry.deadUrl(), ClientConfig.MAX_RETRIES, 0), false);
    assertThatThrownBy(() -> deserializer.deserialize("down", AvroBytes.frame(1).raw(2).bytes()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id 1")
        .hasMessageContaining("unavailable").hasCauseInstanceOf(java.io.IOException.class);
  }

  @Test
  void aDeserializerUsedBeforeConfigureSaysSo() {
    assertThatThrownBy(() -> new KafkaAvroDeserializer().deserialize("early", AvroBytes.frame(1).bytes()))
        .isInstanceOf(IllegalStateException.class).hasMessage("KafkaAvroDeserializer used before configure()");
  }

  private static int registerUnion() {
    try {
      return REGISTRY.client().register("u-value", SchemaDefinition.avro("[\"null\",\"string\"]"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
