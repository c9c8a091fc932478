package dev.stele.format.jsonschema;

import dev.stele.schema.JsonPointer;
import java.util.ArrayList;
import java.util.List;

/**
 * One difference found between two schemas, at a path of keywords and names from the root.
 *
 * @param path the names and indexes from the root ({@code items/0} is two segments)
 */
record Difference(ChangeKind kind, List<String> path) {
  Difference {
    path = List.copyOf(path);
  }

  /**
   * The path as an RFC 6901 JSON pointer ({@code /properties/a}, {@code /} for the root); the
   * messages show it as the Confluent registry does, {@code #/properties/a}.
   */
  String pointer() {
    return JsonPointer.of(path);
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
