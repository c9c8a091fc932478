package dev.stele.schema;

import java.util.List;

/**
 * RFC 6901 JSON pointers, the form of {@link Incompatibility#location()}, and the Confluent
 * registry's spelling of them in JSON Schema and Protobuf messages.
 *
 * <p>The whole schema is {@code /} (as Avro's {@code SchemaCompatibility} reports it), not the
 * RFC's empty string.
 */
public final class JsonPointer {
  public static final String ROOT = "/";

  private JsonPointer() {}

  /** The pointer to a path of names and indexes, escaping {@code ~} and {@code /} inside them. */
  public static String of(List<String> segments) {
    if (segments.isEmpty()) {
      return ROOT;
    }
    StringBuilder out = new StringBuilder();
    for (String segment : segments) {
      out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  /**
   * The Confluent registry's path for the same place: {@code #} and the segments joined with
   * {@code /} as they are, unescaped ({@code /properties/a~1b} is {@code #/properties/a/b}). It
   * cannot be followed back when a name holds a {@code /}, which is why locations are pointers;
   * the messages keep this spelling because clients compare them.
   */
  public static String hashPath(String pointer) {
    return "#" + pointer.replace("~1", "/").replace("~0", "~");
  }
}
