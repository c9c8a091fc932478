package dev.stele.acceptance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One row of the hostile-input corpus: a request and the 4xx the server must answer it with.
 * Bodies are built when the case runs, not when the table is made, so that the table of a few
 * hundred megabytes of adversarial text is never in memory at once.
 *
 * @param group the corpus group the worst answer time is reported for
 * @param contentType null for the registry's own media type
 * @param headerBytes a filler header of this many bytes (0: none), for the header limit
 * @param fragment null, or text the error message must contain
 */
record HostileCase(String group, String name, String method, String path, String contentType,
    Supplier<byte[]> body, int headerBytes, int status, int errorCode, String fragment) {
  static final String V1 = "application/vnd.schemaregistry.v1+json";

  static HostileCase of(String group, String name, String method, String path,
      Supplier<String> body, int status, int errorCode) {
    return new HostileCase(group, name, method, path, null, utf8(body), 0, status, errorCode, null);
  }

  /** A registration under a subject of the case's own, so no two cases meet in one subject. */
  static HostileCase register(String group, String name, String type, Supplier<String> schema,
      int status, int errorCode) {
    return of(group, name, "POST", "/subjects/" + subject(group, name) + "/versions",
        () -> registration(schema.get(), type, null), status, errorCode);
  }

  static String subject(String group, String name) {
    return "hostile-" + group + "-" + name.replaceAll("[^A-Za-z0-9]+", "-") + "-value";
  }

  HostileCase saying(String text) {
    return new HostileCase(group, name, method, path, contentType, body, headerBytes, status,
        errorCode, text);
  }

  HostileCase withContentType(String type) {
    return new HostileCase(group, name, method, path, type, body, headerBytes, status, errorCode,
        fragment);
  }

  HostileCase withHeaderBytes(int bytes) {
    return new HostileCase(group, name, method, path, contentType, body, bytes, status, errorCode,
        fragment);
  }

  HostileCase withRawBody(Supplier<byte[]> bytes) {
    return new HostileCase(group, name, method, path, contentType, bytes, headerBytes, status,
        errorCode, fragment);
  }

  /** A RegisterSchemaRequest body; {@code references} is null or JSON text (an array, or not). */
  static String registration(String schema, String type, String references) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("schema", schema);
    if (type != null) {
      body.put("schemaType", type);
    }
    if (references != null) {
      try {
        body.set("references", Http.JSON.readTree(references));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("not JSON: " + references, e);
      }
    }
    return body.toString();
  }

  @Override
  public String toString() {
    return group + ": " + name;
  }

  private static Supplier<byte[]> utf8(Supplier<String> text) {
    return text == null ? null : () -> text.get().getBytes(StandardCharsets.UTF_8);
  }
}
