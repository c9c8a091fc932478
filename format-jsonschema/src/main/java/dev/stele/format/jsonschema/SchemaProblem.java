package dev.stele.format.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Why a text is not a usable schema, and where: the JSON pointer of the schema object the
 * problem sits in (and the reference it is in, when it is not the schema itself). The Confluent
 * registry said only {@code Invalid JSON Schema}; a client fixing a large schema needs the
 * place (issue #17), so {@link #describe()} gives both.
 */
final class SchemaProblem extends Exception {
  private static final long serialVersionUID = 1L;

  /** A JSON pointer, or null when the problem is not at one place. */
  private final String pointer;
  /** The referenced schema the pointer is in; null for the schema itself. */
  private final String reference;

  SchemaProblem(String reason) {
    this(reason, null, null);
  }

  private SchemaProblem(String reason, String pointer, String reference) {
    super(reason, null, false, false);
    this.pointer = pointer;
    this.reference = reference;
  }

  /** A problem found at {@code pointer} of the schema itself (the meta-schema check's). */
  static SchemaProblem at(String pointer, String reason) {
    return new SchemaProblem(reason, pointer, null);
  }

  /**
   * This problem placed in the schema object {@code json} of {@code doc}, unless it already has
   * a place: the innermost object it was raised in is the most precise one.
   */
  SchemaProblem within(JsonNode json, SchemaDocuments.Doc doc) {
    if (pointer != null) {
      return this;
    }
    String found = pointer(doc.root(), json);
    return found == null ? this : new SchemaProblem(getMessage(), found, doc.name());
  }

  /** {@code in reference r.json at /properties/a: reason}, as much of it as is known. */
  String describe() {
    if (pointer == null) {
      return getMessage();
    }
    String place = pointer.isEmpty() ? "at the root" : "at " + pointer;
    return (reference == null ? "" : "in reference " + reference + " ") + place + ": " + getMessage();
  }

  /** The JSON pointer of {@code target} (compared by identity) inside {@code root}, or null. */
  static String pointer(JsonNode root, JsonNode target) {
    if (root == target) {
      return "";
    }
    if (root.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String below = pointer(field.getValue(), target);
        if (below != null) {
          return "/" + escape(field.getKey()) + below;
        }
      }
    } else if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        String below = pointer(root.get(i), target);
        if (below != null) {
          return "/" + i + below;
        }
      }
    }
    return null;
  }

  /** RFC 6901: {@code ~} and {@code /} inside a key are written {@code ~0} and {@code ~1}. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
