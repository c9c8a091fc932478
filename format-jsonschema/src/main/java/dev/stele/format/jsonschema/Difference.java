package dev.stele.format.jsonschema;

import java.util.ArrayList;
import java.util.List;

/**
 * One difference found between two schemas, at a path of keywords and names from the root.
 *
 * @param path the segments, as the Confluent registry joins them ({@code items/0} is one segment)
 */
record Difference(ChangeKind kind, List<String> path) {
  Difference {
    path = List.copyOf(path);
  }

  /** The path as the Confluent registry prints it in messages: {@code #/properties/a}. */
  String confluentPath() {
    return "#/" + String.join("/", path);
  }

  /**
   * The path as an RFC 6901 JSON pointer ({@code /properties/a}, {@code /} for the root), with
   * {@code ~} and {@code /} inside names escaped so that it can be followed.
   */
  String pointer() {
    if (path.isEmpty()) {
      return "/";
    }
    StringBuilder out = new StringBuilder();
    for (String segment : path) {
      if (segment.startsWith("items/") || segment.startsWith("allOf/")
          || segment.startsWith("anyOf/") || segment.startsWith("oneOf/")) {
        out.append('/').append(segment); // keyword and index, joined by the diff itself
      } else {
        out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
      }
    }
    return out.toString();
  }

  /** This difference seen from {@code prefix} (a difference found relative to a nested pair). */
  Difference under(List<String> prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    List<String> full = new ArrayList<>(prefix.size() + path.size());
    full.addAll(prefix);
    full.addAll(path);
    return new Difference(kind, full);
  }
}
