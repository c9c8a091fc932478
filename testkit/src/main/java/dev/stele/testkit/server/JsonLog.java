package dev.stele.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server's log written with {@code stele.log.format=json} (logback's JsonEncoder), read back
 * by the tests that check what an operator gets: one event per line, and the audit events' pairs.
 */
public final class JsonLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLog() {}

  /**
   * Every line of {@code log} as an event; fails, showing the whole log, on a line that is not
   * one JSON object.
   */
  public static List<JsonNode> events(Path log) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (!line.startsWith("{") || !line.endsWith("}")) {
        throw new AssertionError("every line is one JSON object, not: " + line + "\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      events.add(JSON.readTree(line));
    }
    return events;
  }

  /** The key/value pairs of the {@code stele.audit} events, in the order they were logged. */
  public static List<Map<String, String>> audits(List<JsonNode> events) {
    return events.stream()
        .filter(event -> event.path("loggerName").asText().equals("stele.audit"))
        .map(JsonLog::pairs).toList();
  }

  /** logback's JsonEncoder writes the pairs as {@code "kvpList": [{"key": "value"}, ...]}. */
  private static Map<String, String> pairs(JsonNode event) {
    Map<String, String> pairs = new LinkedHashMap<>();
    event.path("kvpList").forEach(pair -> pair.fields()
        .forEachRemaining(field -> pairs.put(field.getKey(), field.getValue().asText())));
    return pairs;
  }
}
