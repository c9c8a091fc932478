package dev.stele.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.stele.schema.ParsedSchema;
import java.util.List;

/**
 * What changed between two schemas, as a unified diff of their normalized forms (java-diff-utils):
 * spelling, key order and white space do not show, only what the registry would see as different.
 * JSON forms (Avro, JSON Schema) are printed one key a line first, so a change is one line.
 */
final class TextDiff {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CONTEXT_LINES = 2;

  private TextDiff() {}

  /** The unified diff's lines (without the file header), empty when the normalized forms are equal. */
  static List<String> lines(ParsedSchema before, ParsedSchema after) {
    List<String> old = printable(before.normalize().canonical());
    List<String> updated = printable(after.normalize().canonical());
    Patch<String> patch = DiffUtils.diff(old, updated);
    if (patch.getDeltas().isEmpty()) {
      return List.of();
    }
    List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("old", "new", old, patch, CONTEXT_LINES);
    return unified.subList(2, unified.size()); // "--- old" and "+++ new" say nothing here
  }

  private static List<String> printable(String canonical) {
    String text = canonical;
    try {
      JsonNode tree = JSON.readTree(canonical);
      if (tree != null && tree.isContainerNode()) {
        text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
      }
    } catch (JsonProcessingException notJson) {
      // A .proto text: already one declaration a line.
    }
    return text.lines().toList();
  }
}
