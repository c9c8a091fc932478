package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.stele.testkit.kafka.KafkaCluster;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
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
  private static ServerProcess server;
  private static KafkaCluster kafka;

  @BeforeAll
  static void start() throws IOException {
    Python.requireModules("confluent_kafka", "confluent_kafka.schema_registry.json_schema",
        "confluent_kafka.schema_registry.protobuf", "jsonschema", "google.protobuf", "requests");
    server = ServerProcess.start(Files.createDirectories(work.resolve("serde-json-proto")), Map.of());
    kafka = KafkaCluster.start(1);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : List.of("py-json", "py-proto", "java-json", "java-proto")) {
        topics.add(new NewTopic(name, 1, (short) 1));
      }
      admin.createTopics(topics).all().get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the test topics: " + e, e);
    }
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void javaDeserializersReadWhatPythonsSerializersWrote() throws IOException {
    assertPassed(Python.script("json_protobuf_serde_interop.py", "produce", server.url(), kafka.bootstrapServers(),
        "py"), "produce");

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
    Python.Result result = Python.script("json_protobuf_serde_interop.py", "consume", server.url(),
        kafka.bootstrapServers(), "java");
    assertPassed(result, "consume");
    assertThat(result.output()).contains("ok JSONDeserializer reads what the Java serializer wrote",
        "ok ProtobufDeserializer reads what the Java serializer wrote",
        "ok the Java serializer registered the imports as references");
  }

  private static KafkaProducer<String, Object> producer(Class<?> serializer, Map<String, Object> extra) {
    Map<String, Object> configs = new HashMap<>(extra);
    configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, serializer.getName());
    configs.put("schema.registry.url", server.url());
    return new KafkaProducer<>(configs);
  }

  private static List<Object> consume(String topic, Class<?> deserializer, Map<String, Object> extra) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    configs.put(ConsumerConfig.GROUP_ID_CONFIG, "java-" + topic);
    configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    configs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, deserializer.getName());
    configs.put("schema.registry.url", server.url());
    configs.putAll(extra);
    List<Object> values = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(configs)) {
      consumer.subscribe(List.of(topic));
      // A hang guard, not a speed target: a loaded machine may take a while to assign partitions.
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (values.size() < 2 && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
      }
    }
    assertThat(values).as("records read from " + topic).hasSize(2);
    return values;
  }

  private static void assertPassed(Python.Result result, String mode) {
    assertThat(result.exitCode())
        .as("json_protobuf_serde_interop.py %s exit code; its output:%n%s%n%s", mode, result.output(),
            server.logTail())
        .isZero();
    assertThat(result.output()).contains("json_protobuf_serde_interop " + mode + ": all checks passed");
  }
}
