package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Field;
import com.google.protobuf.SourceContext;
import com.google.protobuf.Syntax;
import com.google.protobuf.Type;
import dev.stele.serde.jsonschema.JsonSchemaSerdeConfig;
import dev.stele.serde.jsonschema.KafkaJsonSchemaDeserializer;
import dev.stele.serde.jsonschema.KafkaJsonSchemaSerializer;
import dev.stele.serde.protobuf.KafkaProtobufDeserializer;
import dev.stele.serde.protobuf.KafkaProtobufSerializer;
import dev.stele.serde.protobuf.ProtobufSerdeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stele's Java JSON Schema and Protobuf serdes and python3-confluent-kafka 1.7's JSON and
 * Protobuf serdes exchanging records through a real Kafka broker and a real Stele server.
 */
class JavaJsonProtobufSerdeAcceptanceTest {
  static final String JSON_SCHEMA = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"title\":\"Shipment\","
      + "\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\",\"minimum\":1},\"dest\":{\"type\":\"string\"},"
      + "\"items\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"id\",\"dest\"]}";
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<Type> TYPES = List.of(
      Type.newBuilder().setName("acme.Order").setSourceContext(SourceContext.newBuilder().setFileName("o.proto"))
          .addFields(Field.newBuilder().setName("id").setNumber(1).setKind(Field.Kind.TYPE_INT64)).build(),
      Type.newBuilder().setName("acme.Empty").setSyntax(Syntax.SYNTAX_PROTO3).build());

  @TempDir static Path work;
  @AutoClose private static RegistryAndKafka env;

  @BeforeAll
  static void start() throws IOException {
    Python.requireModules("confluent_kafka", "confluent_kafka.schema_registry.json_schema",
        "confluent_kafka.schema_registry.protobuf", "jsonschema", "google.protobuf", "requests");
    env = RegistryAndKafka.start(work.resolve("serde-json-proto"), "py-json", "py-proto", "java-json", "java-proto");
  }

  @Test
  void javaDeserializersReadWhatPythonsSerializersWrote() throws IOException {
    env.python("json_protobuf_serde_interop", "produce", "py");

    List<Object> json = consume("py-json", KafkaJsonSchemaDeserializer.class,
        Map.of(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, "true"));
    assertThat(json).containsExactly(JSON.readTree("{\"id\":1,\"dest\":\"Oslo\",\"items\":[\"a\",\"b\"]}"),
        JSON.readTree("{\"id\":2,\"dest\":\"Lima \u00f1\",\"items\":[]}"));

    List<Object> typed = consume("py-proto", KafkaProtobufDeserializer.class,
        Map.of(ProtobufSerdeConfig.VALUE_TYPE, Type.class.getName()));
    assertThat(typed).containsExactlyElementsOf(TYPES);
    List<Object> dynamic = consume("py-proto", KafkaProtobufDeserializer.class, Map.of("group.id", "dynamic"));
    assertThat(dynamic).allSatisfy(m -> assertThat(m).isInstanceOf(DynamicMessage.class));
    assertThat(((DynamicMessage) dynamic.get(0)).toByteArray()).isEqualTo(TYPES.get(0).toByteArray());
  }

  @Test
  void pythonsDeserializersReadWhatTheJavaSerializersWrote() throws Exception {
    try (KafkaProducer<String, Object> producer = producer(KafkaJsonSchemaSerializer.class,
        Map.of(JsonSchemaSerdeConfig.SCHEMA, JSON_SCHEMA))) {
      producer.send(new ProducerRecord<>("java-json", "k0",
          JSON.readTree("{\"id\":1,\"dest\":\"Oslo\",\"items\":[\"a\",\"b\"]}"))).get();
      producer.send(new ProducerRecord<>("java-json", "k1",
          JSON.readTree("{\"id\":2,\"dest\":\"Lima \u00f1\",\"items\":[]}"))).get();
    }
    try (KafkaProducer<String, Object> producer = producer(KafkaProtobufSerializer.class, Map.of())) {
      for (Type type : TYPES) {
        producer.send(new ProducerRecord<>("java-proto", type.getName(), type)).get();
      }
    }
    assertThat(env.python("json_protobuf_serde_interop", "consume", "java")).contains(
        "ok JSONDeserializer reads what the Java serializer wrote",
        "ok ProtobufDeserializer reads what the Java serializer wrote",
        "ok the Java serializer registered the imports as references");
  }

  private static KafkaProducer<String, Object> producer(Class<?> serializer, Map<String, Object> extra) {
    Map<String, Object> configs = new HashMap<>(extra);
    configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers());
    configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, serializer.getName());
    configs.put("schema.registry.url", env.url());
    return new KafkaProducer<>(configs);
  }

  private static List<Object> consume(String topic, Class<?> deserializer, Map<String, Object> extra) {
    return KafkaTopics.consume(env.bootstrapServers(), env.url(), topic,
        StringDeserializer.class, deserializer, extra, 2).stream().map(r -> r.value()).toList();
  }
}
