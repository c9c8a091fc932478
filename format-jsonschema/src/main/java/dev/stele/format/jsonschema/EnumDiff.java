package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.ENUM_ARRAY_CHANGED;
import static dev.stele.format.jsonschema.ChangeKind.ENUM_ARRAY_EXTENDED;
import static dev.stele.format.jsonschema.ChangeKind.ENUM_ARRAY_NARROWED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.format.jsonschema.SchemaNode.ConstSchema;
import dev.stele.format.jsonschema.SchemaNode.EnumSchema;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code enum} and {@code const}. Set containment goes through hash sets, so a huge enum costs
 * linear time rather than quadratic.
 */
final class EnumDiff {
  private EnumDiff() {}

  static void compare(DiffContext ctx, EnumSchema original, EnumSchema update) {
    if (original.values().equals(update.values())) {
      return;
    }
    Set<JsonNode> before = new HashSet<>(original.values());
    Set<JsonNode> after = new HashSet<>(update.values());
    if (after.containsAll(before)) {
      ctx.add("enum", ENUM_ARRAY_EXTENDED);
    } else if (before.containsAll(after)) {
      ctx.add("enum", ENUM_ARRAY_NARROWED);
    } else {
      ctx.add("enum", ENUM_ARRAY_CHANGED);
    }
  }

  static void compare(DiffContext ctx, ConstSchema original, ConstSchema update) {
    if (!original.value().equals(update.value())) {
      ctx.add("const", ENUM_ARRAY_CHANGED);
    }
  }
}
