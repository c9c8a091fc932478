package dev.stele.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.testing.RecordingProxy;
import dev.stele.client.testing.TestRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real Stele server in-process. */
class CachedSchemaRegistryClientTest {
  static final SchemaDefinition USER = SchemaDefinition.avro(
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}");
  static final SchemaDefinition USER_AGE = SchemaDefinition.avro(
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
          + "{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}");
  static final SchemaDefinition USER_INT = SchemaDefinition.avro(
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"int\"}]}");

  TestRegistry registry;
  CachedSchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    registry = TestRegistry.start();
    client = new CachedSchemaRegistryClient(ClientConfig.forUrls(registry.url()));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    registry.close();
  }

  @Test
  void registersLooksUpAndReadsBack() throws Exception {
    int id = client.register("users-value", USER);
    assertThat(client.register("users-value", USER)).isEqualTo(id);
    int second = client.register("users-value", USER_AGE);
    assertThat(second).isNotEqualTo(id);

    RegisteredSchema found = client.lookup("users-value", USER, false);
    assertThat(found.subject()).isEqualTo("users-value");
    assertThat(found.version()).isEqualTo(1);
    assertThat(found.id()).isEqualTo(id);

    SchemaDefinition byId = client.getById(id);
    assertThat(byId.type()).isEqualTo("AVRO");
    assertThat(byId.text()).contains("\"User\"");
    assertThat(client.getById(id, "users-value", null)).isEqualTo(byId);

    assertThat(client.getVersion("users-value", 2).id()).isEqualTo(second);
    assertThat(client.getLatest("users-value").version()).isEqualTo(2);
    assertThat(client.getVersions("users-value")).containsExactly(1, 2);
    assertThat(client.getSubjects()).containsExactly("users-value");
  }

  @Test
  void otherFormatsAndReferencesRoundTrip() throws Exception {
    SchemaDefinition json = SchemaDefinition.of("JSON", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
    int jsonId = client.register("j-value", json);
    assertThat(client.getById(jsonId).type()).isEqualTo("JSON");

    client.register("address", SchemaDefinition.avro(
        "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}"));
    SchemaDefinition person = new SchemaDefinition("AVRO",
        "{\"type\":\"record\",\"name\":\"Person\",\"fields\":[{\"name\":\"home\",\"type\":\"Address\"}]}",
        java.util.List.of(new dev.stele.schema.SchemaReference("Address", "address", 1)));
    int personId = client.register("person-value", person);
    assertThat(client.getById(personId).references())
        .containsExactly(new dev.stele.schema.SchemaReference("Address", "address", 1));
  }

  @Test
  void errorsCarryStatusAndErrorCode() throws Exception {
    assertThatThrownBy(() -> client.getLatest("nope"))
        .isInstanceOfSatisfying(RestClientException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(RestClientException.SUBJECT_NOT_FOUND);
        });
    assertThatThrownBy(() -> client.getById(999))
        .isInstanceOfSatisfying(RestClientException.class,
            e -> assertThat(e.errorCode()).isEqualTo(RestClientException.SCHEMA_NOT_FOUND));
    client.register("users-value", USER);
    assertThatThrownBy(() -> client.register("users-value", USER_INT))
        .isInstanceOfSatisfying(RestClientException.class, e -> {
          // Confluent's server answers this one with the plain status as its code.
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.errorCode()).isEqualTo(409);
        });
    assertThatThrownBy(() -> client.register("users-value", SchemaDefinition.avro("{not avro")))
        .isInstanceOfSatisfying(RestClientException.class,
            e -> assertThat(e.errorCode()).isEqualTo(RestClientException.INVALID_SCHEMA));
    assertThatThrownBy(() -> client.lookup("users-value", USER_AGE, false))
        .isInstanceOfSatisfying(RestClientException.class,
            e -> assertThat(e.errorCode()).isEqualTo(RestClientException.SCHEMA_NOT_FOUND));
  }

  @Test
  void compatibilityIsTestedVerbosely() throws Exception {
    client.register("users-value", USER);
    assertThat(client.testCompatibility("users-value", "latest", USER_AGE, false).compatible()).isTrue();
    CompatibilityCheck bad = client.testCompatibility("users-value", null, USER_INT, true);
    assertThat(bad.compatible()).isFalse();
    assertThat(bad.messages()).isNotEmpty();
  }

  @Test
  void configAndModeAreReadAndSet() throws Exception {
    assertThat(client.getCompatibility(null)).isEqualTo("BACKWARD");
    assertThat(client.setCompatibility("users-value", "full")).isEqualToIgnoringCase("FULL");
    assertThat(client.getCompatibility("users-value")).isEqualTo("FULL");
    assertThatThrownBy(() -> client.getCompatibility("other"))
        .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.errorCode()).isEqualTo(40408));
    assertThat(client.deleteCompatibility("users-value")).isEqualTo("FULL");
    assertThatThrownBy(() -> client.getCompatibility("users-value"))
        .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.errorCode()).isEqualTo(40408));
    assertThatThrownBy(() -> client.deleteCompatibility("users-value"))
        .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    assertThat(client.getMode(null)).isEqualTo("READWRITE");
    assertThat(client.setMode("users-value", "READONLY")).isEqualTo("READONLY");
    assertThat(client.getMode("users-value")).isEqualTo("READONLY");
  }

  @Test
  void deletesForgetCachedRegistrations() throws Exception {
    client.register("users-value", USER);
    client.register("users-value", USER_AGE);
    assertThat(client.deleteVersion("users-value", "2", false)).isEqualTo(2);
    assertThat(client.getLatest("users-value").version()).isEqualTo(1);
    assertThat(client.deleteSubject("users-value", false)).containsExactly(1);
    // A permanent delete removes the soft-deleted versions too.
    assertThat(client.deleteSubject("users-value", true)).containsExactly(1, 2);
    assertThatThrownBy(() -> client.lookup("users-value", USER, false)).isInstanceOf(RestClientException.class);
    // Registering again after the delete goes to the server rather than trusting the old cache.
    assertThat(client.register("users-value", USER)).isPositive();
    assertThat(client.getVersions("users-value")).containsExactly(1);
  }

  @Test
  void subjectsWithOddCharactersArriveIntact() throws Exception {
    String subject = "odd subject/with?chars";
    client.register(subject, USER);
    assertThat(client.getSubjects()).contains(subject);
    assertThat(client.getLatest(subject).subject()).isEqualTo(subject);
  }

  @Test
  void answersThatNeverChangeAreCachedAndLatestHonoursItsTtl() throws Exception {
    try (RecordingProxy proxy = new RecordingProxy(registry.url())) {
      Map<String, Object> configs = new HashMap<>();
      configs.put(ClientConfig.URL, proxy.url());
      configs.put(ClientConfig.LATEST_CACHE_TTL_SEC, "0");
      CachedSchemaRegistryClient cached = CachedSchemaRegistryClient.fromConfigs(configs);
      int id = cached.register("users-value", USER);
      cached.register("users-value", USER);
      cached.getById(id);
      cached.getById(id);
      cached.getLatest("users-value");
      cached.getLatest("users-value");
      cached.getVersion("users-value", 1);
      cached.getVersion("users-value", 1);
      cached.getVersion("users-value", 1, "resolved");
      assertThat(proxy.calls()).containsExactly(
          "POST /subjects/users-value/versions?normalize=false",
          "GET /schemas/ids/" + id,
          "GET /subjects/users-value/versions/latest",
          "GET /subjects/users-value/versions/latest",
          "GET /subjects/users-value/versions/1",
          "GET /subjects/users-value/versions/1?format=resolved");
    }
  }
}
