package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #17's hostile-input corpus against a real server process with default limits: every
 * case (HostileSchemaCases, HostileRequestCases) is answered with its 4xx and error code within
 * the ceiling, and after each the server is ready and still serves a schema it had before.
 */
@Isolated // alone: it times every answer against a 2 s ceiling.
class HostileInputAcceptanceTest {
  private static final Ceiling ANSWER = Ceiling.of("hostile.answer", Duration.ofSeconds(2));
  private static final AnswerTimes TIMES = new AnswerTimes();

  @TempDir static Path work;
  private static ServerProcess server;
  private static Http http;
  private static HostileClient client;
  private static int knownId;
  private static String knownSchema;

  @BeforeAll
  static void start() throws IOException {
    server = ServerProcess.start(work, Map.of());
    http = new Http(server.url());
    client = new HostileClient(server.url());
    warmUp(http);
    knownSchema = HostileText.avroRecord("Known", HostileText.avroField("a", "\"int\""));
    knownId = http.ok("POST", "/subjects/" + HostileRequestCases.KNOWN + "/versions",
        HostileCase.registration(knownSchema, null, null)).get("id").asInt();
    http.ok("POST", "/subjects/" + HostileRequestCases.WIDE + "/versions",
        HostileCase.registration(HostileRequestCases.wideUnion("F"), null, null));
    http.ok("POST", "/subjects/" + HostileRequestCases.WIDE_RECORDS + "/versions",
        HostileCase.registration(HostileRequestCases.wideRecordUnion("F"), null, null));
    // The reference chain the deepest case adds a link to: every link up to the limit is taken.
    for (int k = 0; k <= HostileRequestCases.LINKS; k++) {
      http.ok("POST", "/subjects/" + HostileRequestCases.CHAIN + k + "/versions",
          HostileRequestCases.chainLink(k));
    }
  }

  /**
   * One registration of each format before anything is timed: the first one loads its
   * library's classes, which is start-up, not an answer to hostile input.
   */
  static void warmUp(Http http) throws IOException {
    http.ok("POST", "/subjects/hostile-warm-avro-value/versions",
        HostileCase.registration("\"string\"", null, null));
    http.ok("POST", "/subjects/hostile-warm-json-value/versions",
        HostileCase.registration("{\"type\":\"string\"}", "JSON", null));
    http.ok("POST", "/subjects/hostile-warm-protobuf-value/versions",
        HostileCase.registration(HostileText.proto("int32 a = 1;"), "PROTOBUF", null));
    // A second version of a record (a field added) and of an object (a property removed) runs
    // each format's compatibility check once: the first check loads and compiles that code,
    // which on a cold JVM and a busy machine can take longer than an answer's ceiling.
    http.ok("POST", "/subjects/hostile-warm-avro-record-value/versions", HostileCase.registration(
        "{\"type\":\"record\",\"name\":\"W\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}", null, null));
    http.ok("POST", "/subjects/hostile-warm-avro-record-value/versions", HostileCase.registration(
        "{\"type\":\"record\",\"name\":\"W\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}", null, null));
    http.ok("POST", "/subjects/hostile-warm-json-object-value/versions", HostileCase.registration(
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},"
            + "\"b\":{\"type\":\"string\"}}}", "JSON", null));
    http.ok("POST", "/subjects/hostile-warm-json-object-value/versions", HostileCase.registration(
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}", "JSON", null));
  }

  @AfterAll
  static void stop() {
    TIMES.publish("Hostile input, worst answer per group:", "hostile-input-times.txt", ANSWER);
    if (server != null) {
      server.stop();
      server.close();
    }
  }

  static Stream<HostileCase> cases() {
    return Stream.concat(HostileSchemaCases.all().stream(), HostileRequestCases.all().stream());
  }

  @Test
  void theCorpusHasOverAHundredCasesInEveryGroup() {
    List<HostileCase> all = cases().toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(100);
    assertThat(all.stream().map(HostileCase::group).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("avro", "json", "protobuf", "references", "subjects",
            "versions", "http");
    assertThat(all.stream().map(HostileCase::toString).distinct()).hasSameSizeAs(all);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedInTimeAndTheServerServesOn(HostileCase c) throws IOException {
    HostileClient.Answer answer = client.send(c);
    TIMES.record(c.group(), c.name(), answer.millis());
    String what = c + " answered " + answer.status() + " " + abbreviated(answer.text());
    assertThat(answer.status()).as(what).isEqualTo(c.status());
    assertThat(answer.body().path("error_code").asInt()).as(what).isEqualTo(c.errorCode());
    if (c.fragment() != null) {
      assertThat(answer.body().path("message").asText()).as(what).contains(c.fragment());
    }
    assertThat(answer.millis()).as(c + ": " + ANSWER.report(answer.millis()))
        .isLessThanOrEqualTo(ANSWER.millis());
    assertServesOn(c);
  }

  private static void assertServesOn(HostileCase after) throws IOException {
    assertThat(http.get("/health/ready").status()).as("ready after " + after).isEqualTo(200);
    assertThat(http.ok("GET", "/schemas/ids/" + knownId, null).path("schema").asText())
        .as("a known schema after " + after).isEqualTo(knownSchema);
  }

  private static String abbreviated(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "...";
  }
}
