package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.format.avro.AvroFormat;
import dev.stele.registry.RegistryNode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.schema.SchemaFormats;
import dev.stele.testkit.InMemoryRecordLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real {@link RestServer} over a real registry node (in-memory log, Avro format) on a free
 * loopback port, fresh for every test, and a JDK HTTP client to talk to it.
 */
abstract class HttpTestBase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String V1 = MediaTypes.V1_JSON;
  static final String STRING = "{\"schema\": \"\\\"string\\\"\"}";
  static final String INT = "{\"schema\": \"\\\"int\\\"\"}";
  static final String USER = user("{\\\"name\\\":\\\"name\\\",\\\"type\\\":\\\"string\\\"}");
  static final String USER_AGE = user("{\\\"name\\\":\\\"name\\\",\\\"type\\\":\\\"string\\\"},"
      + "{\\\"name\\\":\\\"age\\\",\\\"type\\\":\\\"int\\\",\\\"default\\\":0}");
  static final String USER_INT = user("{\\\"name\\\":\\\"name\\\",\\\"type\\\":\\\"int\\\"}");

  static Vertx vertx;
  static HttpClient client;

  RegistryNode node;
  RestServer server;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    await(vertx.close());
  }

  @BeforeEach
  void startServer() throws Exception {
    serve(setup -> setup);
  }

  /** Starts {@link #server} over a fresh {@link #node}, serving {@link #setup()} as {@code adjust} changes it. */
  void serve(UnaryOperator<RestServer.Setup> adjust) throws Exception {
    node = freshNode();
    server = await(RestServer.start(vertx, adjust.apply(setup())));
  }

  /** A registry node of its own (in-memory log, Avro), for {@link #node} or a second server. */
  static RegistryNode freshNode() throws Exception {
    return freshNode(new InMemoryRecordLog());
  }

  /** A registry node of its own over {@code log}, for a test that injects the log's failures. */
  static RegistryNode freshNode(InMemoryRecordLog log) throws Exception {
    return RegistryNode.open(log, SchemaFormats.of(new AvroFormat()), NodeOptions.DEFAULTS,
        new dev.stele.registry.model.KeyOptions(dev.stele.registry.model.KeyOptions.DEFAULT_MAX_KEYS,
            dev.stele.kms.KmsDrivers.of(new dev.stele.kms.local.LocalKmsDriver(name -> null))));
  }

  /** What {@link #startServer} serves: {@link #node} with {@link #options()}. */
  RestServer.Setup setup() {
    return RestServer.Setup.of(node.registry(), node.settings(), node.keys()).withViews(node.views())
        .withOptions(options())
        .withInfo(new ServerInfo("cluster-1", "schema-registry", "0.1.0", "abc123"));
  }

  @AfterEach
  void stopServer() throws Exception {
    await(server.close());
    node.close();
  }

  RestOptions options() {
    return RestOptions.loopback();
  }

  /** The text of a record schema named User with the given fields, as a register body. */
  static String user(String fields) {
    return "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"User\\\",\\\"fields\\\":[" + fields + "]}\"}";
  }

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    int errorCode() {
      return json().path("error_code").asInt();
    }
  }

  /** Sends to {@code target}, another server of the test, instead of {@link #server}. */
  Reply sendTo(RestServer target, String method, String path, String body, String... headers) {
    RestServer saved = server;
    try {
      server = target; // uri() uses server.port()
      return send(method, path, body, headers);
    } finally {
      server = saved;
    }
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  Reply post(String path, String body) {
    return send("POST", path, body, "Content-Type", V1);
  }

  Reply put(String path, String body) {
    return send("PUT", path, body, "Content-Type", V1);
  }

  /** Sends a request; {@code headers} are name, value pairs. A null body sends none. */
  Reply send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** Registers and returns the id. */
  int register(String subject, String body) {
    Reply reply = post("/subjects/" + subject + "/versions", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("id").asInt();
  }

  /**
   * The answer equals the expected JSON, except that the fields Confluent 8.x added to answers
   * that carry a schema may be there where the expectation leaves them out, if their values are
   * well formed: {@code guid} (a GUID), {@code ts} (epoch millis) and {@code deleted} (a
   * boolean). Most expectations here are written in 7.9's shapes; the values are pinned by
   * SchemaGuidsTest, SchemaGuidRoutesTest and Confluent85ReadsTest.
   */
  static void assertJson(Reply reply, int status, String expectedJson) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    try {
      JsonNode expected = JSON.readTree(expectedJson);
      assertThat(withoutUnexpectedExtras(reply.json(), expected)).as(reply.body()).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Map<String, Predicate<JsonNode>> EXTRAS = Map.of(
      "guid", v -> v.asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
      "ts", v -> v.isIntegralNumber() && v.asLong() > 1_500_000_000_000L,
      "deleted", JsonNode::isBoolean);

  private static JsonNode withoutUnexpectedExtras(JsonNode actual, JsonNode expected) {
    if (actual.isObject() && expected.isObject()) {
      ObjectNode copy = ((ObjectNode) actual).deepCopy();
      EXTRAS.forEach((field, wellFormed) -> {
        if (copy.has(field) && !expected.has(field)) {
          assertThat(wellFormed.test(copy.get(field))).as("%s: %s", field, copy.get(field)).isTrue();
          copy.remove(field);
        }
      });
      copy.fields().forEachRemaining(e -> {
        if (expected.has(e.getKey())) {
          e.setValue(withoutUnexpectedExtras(e.getValue(), expected.get(e.getKey())));
        }
      });
      return copy;
    }
    if (actual.isArray() && expected.isArray()) {
      ArrayNode copy = ((ArrayNode) actual).deepCopy();
      for (int i = 0; i < Math.min(copy.size(), expected.size()); i++) {
        copy.set(i, withoutUnexpectedExtras(copy.get(i), expected.get(i)));
      }
      return copy;
    }
    return actual;
  }

  static void assertError(Reply reply, int status, int code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }

  static void assertError(Reply reply, int status, int code, String message) {
    assertError(reply, status, code);
    assertThat(reply.json().get("message").asText()).isEqualTo(message);
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
