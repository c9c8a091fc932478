package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.testkit.server.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while registrations are in flight: every registration the server stored was answered
 * 200 before its connection closed, and every 200 is stored. (Seen before: writes stored and
 * audited as 200 whose clients saw the connection close without an answer.)
 */
class StopWithWritesInFlightProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WRITES = 200;

  @TempDir Path dir;

  @Test
  void everyStoredWriteWasAnsweredAndEveryAnswerIsStored() throws Exception {
    Set<String> answeredOk = new TreeSet<>();
    int unanswered = 0;
    int refused = 0;
    Map<String, Integer> reasons = new java.util.TreeMap<>();
    try (ServerProcess server = ServerProcess.start(dir, Map.of())) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      Thread sigterm = new Thread(server::stop, "sigterm"); // stop() waits for the exit
      for (int i = 0; i < WRITES; i++) {
        String schema = "{\"type\":\"record\",\"name\":\"R" + i
            + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
        answers.add(http.sendAsync(HttpRequest.newBuilder(
                URI.create(server.url() + "/subjects/w" + i + "-value/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(
                JSON.createObjectNode().put("schema", schema).toString()))
            .build(), HttpResponse.BodyHandlers.ofString()));
        if (i == WRITES / 4) {
          sigterm.start(); // SIGTERM with most writes on their way
        }
      }
      for (int i = 0; i < WRITES; i++) {
        try {
          HttpResponse<String> answer = answers.get(i).join();
          if (answer.statusCode() == 200) {
            answeredOk.add("w" + i + "-value");
          } else {
            // Arrived while the server stopped: a definite "not applied".
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(JSON.readTree(answer.body()).path("error_code").asInt()).isEqualTo(50302);
            refused++;
          }
        } catch (RuntimeException e) {
          unanswered++; // refused or cut before an answer: must not be stored
          Throwable cause = e.getCause() == null ? e : e.getCause();
          reasons.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
        }
      }
      sigterm.join();
      server.restart();
      Set<String> stored = new TreeSet<>();
      HttpResponse<String> subjects = http.send(HttpRequest.newBuilder(
          URI.create(server.url() + "/subjects")).build(), HttpResponse.BodyHandlers.ofString());
      JSON.readTree(subjects.body()).forEach(node -> stored.add(node.asText()));
      System.out.printf("SIGTERM with %d writes sent: %d answered 200, %d answered 503, %d without"
          + " an answer %s, %d stored%n", WRITES, answeredOk.size(), refused, unanswered, reasons,
          stored.size());
      assertThat(stored).as("stored writes").isEqualTo(answeredOk);
      // The drain answers what arrives in its second; without it 194 of 200 met a closed
      // connection. A request that reaches a kept-alive connection after the drain can still
      // meet one (HTTP/1.1 has no way to refuse it cleanly), which a loaded machine makes more
      // likely: so this bounds them rather than demanding none. What must hold exactly is above.
      long cut = reasons.entrySet().stream().filter(r -> !r.getKey().startsWith("ConnectException"))
          .mapToLong(Map.Entry::getValue).sum();
      assertThat(cut).as("requests cut without an answer: %s", reasons).isLessThanOrEqualTo(WRITES / 4);
    }
  }
}
