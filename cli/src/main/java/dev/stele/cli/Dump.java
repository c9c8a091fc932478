package dev.stele.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The export file: JSON lines, one object each, told apart by {@code kind}. The first is a
 * header; then {@code context} lines; {@code schema} lines are the registry's own {@code Schema}
 * answer (subject, version, id, schemaType, schema, references, metadata, ruleSet, deleted, and
 * any field a newer registry adds) with the kind put first; {@code config} and {@code mode} lines
 * carry a {@code subject} (absent: global; {@code :.ctx:}: a context) and the registry's answer.
 * Tags live in the schema text (and metadata), so they travel with it.
 */
final class Dump {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String FORMAT = "stele-export";
  static final int VERSION = 1;
  static final String KIND = "kind";

  private Dump() {}

  static ObjectNode header(String source) {
    return line("header").put("format", FORMAT).put("version", VERSION).put("source", source);
  }

  static ObjectNode line(String kind) {
    return MAPPER.createObjectNode().put(KIND, kind);
  }

  static ObjectNode schema(JsonNode answer, boolean deleted) {
    ObjectNode line = line("schema");
    line.setAll((ObjectNode) answer);
    return line.put("deleted", deleted);
  }

  /** A config or mode line; {@code subject} null for the global one. */
  static ObjectNode setting(String kind, String subject, JsonNode answer) {
    ObjectNode line = line(kind);
    if (subject != null) {
      line.put("subject", subject);
    }
    return line.set(kind, answer);
  }

  static String kind(JsonNode line) {
    return line.path(KIND).asText();
  }

  /** Every line of an export, checked to start with the header; a bad line names its number. */
  static List<ObjectNode> read(BufferedReader reader, String name) throws IOException {
    List<ObjectNode> lines = new ArrayList<>();
    String text;
    int number = 0;
    while ((text = reader.readLine()) != null) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw new UsageException(name + ":" + number + ": not a JSON line: " + e.getOriginalMessage());
      }
      if (!(node instanceof ObjectNode object) || kind(node).isEmpty()) {
        throw new UsageException(name + ":" + number + ": not an export line (no \"kind\")");
      }
      if (lines.isEmpty() && !(kind(node).equals("header") && FORMAT.equals(node.path("format").asText())
          && node.path("version").asInt() == VERSION)) {
        throw new UsageException(name + ": not a stele export (version " + VERSION + "): the first line must be"
            + " its header");
      }
      lines.add(object);
    }
    if (lines.isEmpty()) {
      throw new UsageException(name + ": empty; a stele export starts with its header line");
    }
    return lines;
  }

  /** Where a schema line lives: its subject and version. */
  record Key(String subject, int version) {
    static Key of(JsonNode line) {
      return new Key(line.path("subject").asText(), line.path("version").asInt());
    }

    @Override
    public String toString() {
      return subject + " version " + version;
    }
  }
}
