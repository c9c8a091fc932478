package dev.stele.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.serde.avro.testdata.Reading;
import dev.stele.serde.avro.testdata.Refund;
import dev.stele.serde.testing.SerdeRegistry;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Avro keys that choose how values are held in Java: {@code avro.use.logical.type.converters},
 * {@code specific.avro.key/value.type}, {@code schema.reflection}, {@code avro.reflection.allow.null},
 * {@code avro.remove.java.properties}. Each test runs the real serdes with the key off and on
 * against a real server.
 */
class AvroDataKeysTest {
  static final Schema STAMP = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Stamp\",\"fields\":["
      + "{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
      + "{\"name\":\"day\",\"type\":{\"type\":\"int\",\"logicalType\":\"date\"}},"
      + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}}]}");
  static final Instant AT = Instant.ofEpochMilli(1_700_000_000_000L);
  static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  static KafkaAvroSerializer serializer(Object... pairs) {
    return REGISTRY.serializer(new KafkaAvroSerializer(), pairs);
  }

  static KafkaAvroDeserializer deserializer(Object... pairs) {
    return REGISTRY.deserializer(new KafkaAvroDeserializer(), pairs);
  }

  static GenericRecord stamp(Object at, Object day, Object amount) {
    GenericRecord record = new GenericData.Record(STAMP);
    record.put("at", at);
    record.put("day", day);
    record.put("amount", amount);
    return record;
  }

  @Test
  void logicalTypeConvertersHoldLogicalTypesAsJavaTypes() {
    GenericRecord encoded = stamp(AT.toEpochMilli(), (int) DAY.toEpochDay(), ByteBuffer.wrap(new byte[] {0x30, 0x39}));
    byte[] raw = serializer().serialize("stamps", encoded);
    GenericRecord converted = stamp(AT, DAY, new BigDecimal("123.45"));
    assertThat(serializer(AvroSerdeConfig.USE_LOGICAL_TYPE_CONVERTERS, true).serialize("stamps", converted))
        .isEqualTo(raw);
    assertThatThrownBy(() -> serializer().serialize("stamps", converted)).isInstanceOf(SerializationException.class);

    GenericRecord plain = (GenericRecord) deserializer().deserialize("stamps", raw);
    assertThat(plain.get("at")).isEqualTo(AT.toEpochMilli());
    assertThat(plain.get("day")).isEqualTo((int) DAY.toEpochDay());
    GenericRecord typed = (GenericRecord) deserializer(AvroSerdeConfig.USE_LOGICAL_TYPE_CONVERTERS, true)
        .deserialize("stamps", raw);
    assertThat(typed.get("at")).isEqualTo(AT);
    assertThat(typed.get("day")).isEqualTo(DAY);
    assertThat(typed.get("amount")).isEqualTo(new BigDecimal("123.45"));
  }

  @Test
  void aSpecificTypeReadsIntoThatClassWhateverTheWriterSchemaNames() {
    Schema acme = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"acme\","
        + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"}]}");
    GenericRecord payment = new GenericData.Record(acme);
    payment.put("id", "p-1");
    payment.put("amount", 9.5);
    byte[] bytes = serializer().serialize("refunds", payment);
    assertThatThrownBy(() -> deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER, true).deserialize("refunds", bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("no generated class acme.Payment");
    Object read = deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER, true, AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE,
        Refund.class.getName()).deserialize("refunds", bytes);
    assertThat(read).isInstanceOf(Refund.class);
    assertThat(((Refund) read).id.toString()).isEqualTo("p-1");
    assertThat(((Refund) read).amount).isEqualTo(9.5);

    assertThatThrownBy(() -> deserializer(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, Refund.class.getName()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("specific.avro.reader=true");
    assertThatThrownBy(() -> deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
        AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, Reading.class.getName()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a generated Avro SpecificRecord");
    // A key deserializer reads the key type, not the value type.
    KafkaAvroDeserializer keys = new KafkaAvroDeserializer();
    keys.configure(REGISTRY.configs(AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
        AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE, Refund.class.getName()), true);
    assertThat(keys.deserialize("refunds", bytes)).isInstanceOf(Refund.class);
  }

  @Test
  void schemaReflectionWritesAndReadsPlainObjects() throws Exception {
    Reading reading = new Reading("s-1", 21.5);
    assertThatThrownBy(() -> serializer().serialize("readings", reading)).isInstanceOf(SerializationException.class);
    byte[] bytes = serializer(AvroSerdeConfig.SCHEMA_REFLECTION, true).serialize("readings", reading);
    Schema registered = new Schema.Parser().parse(REGISTRY.client().getLatest("readings-value").schema().text());
    assertThat(registered.getFullName()).isEqualTo(Reading.class.getName());
    assertThat(registered.getField("sensor").schema().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(deserializer(AvroSerdeConfig.SCHEMA_REFLECTION, true).deserialize("readings", bytes)).isEqualTo(reading);
    assertThat(deserializer().deserialize("readings", bytes)).isInstanceOf(GenericRecord.class);
  }

  @Test
  void reflectionAllowNullMakesEveryFieldNullable() throws Exception {
    Reading unnamed = new Reading(null, 3.0);
    assertThatThrownBy(() -> serializer(AvroSerdeConfig.SCHEMA_REFLECTION, true).serialize("nullable", unnamed))
        .isInstanceOf(SerializationException.class);
    byte[] bytes = serializer(AvroSerdeConfig.SCHEMA_REFLECTION, true, AvroSerdeConfig.REFLECTION_ALLOW_NULL, true)
        .serialize("nullable", unnamed);
    Schema registered = new Schema.Parser().parse(REGISTRY.client().getLatest("nullable-value").schema().text());
    assertThat(registered.getField("sensor").schema().getType()).isEqualTo(Schema.Type.UNION);
    assertThat(deserializer(AvroSerdeConfig.SCHEMA_REFLECTION, true, AvroSerdeConfig.REFLECTION_ALLOW_NULL, true)
        .deserialize("nullable", bytes)).isEqualTo(unnamed);
  }

  @Test
  void removeJavaPropertiesRegistersTheSchemaWithoutThem() throws Exception {
    Schema javaStrings = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Tag\",\"fields\":[{\"name\":"
        + "\"label\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}}]}");
    GenericRecord tag = new GenericData.Record(javaStrings);
    tag.put("label", "x");
    serializer().serialize("tags-kept", tag);
    assertThat(REGISTRY.client().getLatest("tags-kept-value").schema().text()).contains("avro.java.string");
    byte[] bytes = serializer(AvroSerdeConfig.REMOVE_JAVA_PROPERTIES, true).serialize("tags-removed", tag);
    assertThat(REGISTRY.client().getLatest("tags-removed-value").schema().text()).doesNotContain("avro.java.string");
    assertThat(((GenericRecord) deserializer().deserialize("tags-removed", bytes)).get("label").toString())
        .isEqualTo("x");
  }
}
