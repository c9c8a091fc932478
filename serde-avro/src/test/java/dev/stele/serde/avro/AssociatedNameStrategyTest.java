package dev.stele.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.SchemaDefinition;
import dev.stele.serde.testing.SerdeRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Confluent 8's default subject strategy against a real registry that keeps associations: a
 * topic associated with a subject writes under that subject; one without falls back as
 * {@code subject.name.strategy.fallback.type} says; the cluster id narrows the association asked for.
 */
class AssociatedNameStrategyTest {
  static final String SCHEMA = "\"string\"";

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  @BeforeAll
  static void associate() throws Exception {
    REGISTRY.client().register("orders-custom", SchemaDefinition.avro(SCHEMA));
    REGISTRY.client().setCompatibility("orders-custom", "NONE");
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(REGISTRY.url() + "/associations"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceName\":\"orders\",\"resourceNamespace\":\"lkc-1\","
            + "\"resourceId\":\"t-1\",\"associations\":[{\"subject\":\"orders-custom\",\"associationType\":\"value\"}]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
  }

  static byte[] write(String topic, Object value, Object... pairs) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(REGISTRY.configs(pairs), false);
    return serializer.serialize(topic, value);
  }

  /** Whether the primitive schema {@code type} is registered under {@code subject}. */
  static boolean registered(String subject, String type) {
    try {
      REGISTRY.client().lookup(subject, SchemaDefinition.avro("\"" + type + "\""), false);
      return true;
    } catch (dev.stele.client.RestClientException e) {
      return false;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theDefaultStrategyWritesUnderTheAssociatedSubject() throws Exception {
    write("orders", 7);
    assertThat(registered("orders-custom", "int")).isTrue();
    assertThat(registered("orders-value", "int")).isFalse();
    write("plain", "x");
    assertThat(REGISTRY.client().getSubjects()).as("no association: the topic name").contains("plain-value");
  }

  @Test
  void theClusterIdNarrowsTheAssociationAskedFor() throws Exception {
    write("orders", 7L, "subject.name.strategy.kafka.cluster.id", "lkc-2");
    assertThat(registered("orders-value", "long")).isTrue();
    write("orders", 7.5, "subject.name.strategy.kafka.cluster.id", "lkc-1");
    assertThat(registered("orders-custom", "double")).isTrue();
  }

  @Test
  void aFallbackOfNoneFailsATopicWithoutAssociation() {
    assertThatThrownBy(() -> write("lonely", "x", "subject.name.strategy.fallback.type", "NONE"))
        .isInstanceOf(SerializationException.class).hasMessageContaining("No associated subject found for topic lonely");
    assertThatThrownBy(() -> write("lonely", "x", "subject.name.strategy.fallback.type", "SOMETIMES"))
        .hasMessageContaining("subject.name.strategy.fallback.type must be TOPIC, RECORD, TOPIC_RECORD or NONE");
  }

  @Test
  void anotherFallbackNamesTheSubjectItsWay() throws Exception {
    write("recorded", KafkaAvroSerializerTest.user("Ann", 3), "subject.name.strategy.fallback.type", "TOPIC_RECORD");
    assertThat(REGISTRY.client().getSubjects()).contains("recorded-acme.User");
  }
}
