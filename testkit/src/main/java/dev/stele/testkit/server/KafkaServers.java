package dev.stele.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stele server processes on the Kafka store of a testkit broker. A server listens once the topic
 * is replayed, before the election has an outcome, so tests that write wait for
 * {@code /health/ready} first, as a load balancer would.
 */
public final class KafkaServers {
  /** A hang guard for a loaded machine, not a speed target. */
  public static final Duration READY_DEADLINE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private KafkaServers() {}

  /** Starts a server in {@code dir} on {@code bootstrap}, plus {@code extra} settings. */
  public static ServerProcess start(Path dir, String bootstrap, Map<String, String> extra)
      throws IOException {
    Map<String, String> properties = new HashMap<>();
    properties.put("kafkastore.bootstrap.servers", bootstrap);
    properties.put("host.name", "127.0.0.1");
    properties.putAll(extra);
    return ServerProcess.start(Files.createDirectories(dir), properties);
  }

  /**
   * Waits until every server is ready and exactly one says it leads; returns that one's index.
   *
   * @throws AssertionError naming each server's last answer and the ends of their logs
   */
  public static int awaitOneLeader(List<ServerProcess> servers) throws InterruptedException {
    long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      int leaders = 0;
      int leader = -1;
      int ready = 0;
      StringBuilder states = new StringBuilder();
      for (int i = 0; i < servers.size(); i++) {
        try {
          HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(
                  URI.create(servers.get(i).url() + "/health/ready"))
              .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
          states.append(i).append(": ").append(r.statusCode()).append(' ').append(r.body())
              .append("; ");
          if (r.statusCode() == 200) {
            ready++;
            if (leads(r.body())) {
              leaders++;
              leader = i;
            }
          }
        } catch (IOException e) {
          states.append(i).append(": ").append(e).append("; ");
        }
      }
      last = states.toString();
      if (ready == servers.size() && leaders == 1) {
        return leader;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no single ready leader within " + READY_DEADLINE.toSeconds()
        + " s: " + last + "\n" + logs(servers));
  }

  /** The ends of every server's log, for a failure message. */
  public static String logs(List<ServerProcess> servers) {
    StringBuilder text = new StringBuilder();
    servers.forEach(s -> text.append(s.logTail()).append('\n'));
    return text.toString();
  }

  /**
   * Every server's log without the audit lines of answered requests: the elections, takeovers,
   * writer warnings and failed requests behind a failure, which the tail of a busy log loses.
   */
  public static String events(List<ServerProcess> servers) {
    StringBuilder text = new StringBuilder();
    for (ServerProcess server : servers) {
      text.append("--- events of ").append(server.url()).append(" ---\n");
      server.log().lines().filter(line -> !(line.contains("stele.audit")
          && line.contains("status=200"))).forEach(line -> text.append(line).append('\n'));
    }
    return text.toString();
  }

  private static boolean leads(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      return json != null && json.path("leader").asBoolean();
    } catch (IOException e) {
      return false;
    }
  }
}
