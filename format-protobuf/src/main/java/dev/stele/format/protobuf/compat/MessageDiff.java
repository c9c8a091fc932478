package dev.stele.format.protobuf.compat;

import dev.stele.format.protobuf.model.Proto;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One message against its namesake: fields matched by number (a renamed field is the same
 * field), oneofs matched by name, and the moves between them. Moving one field into a new oneof
 * is compatible; moving several, or into a oneof that already had members, is not (a writer may
 * set both). Then the nested types, as at file level.
 */
final class MessageDiff {
  private MessageDiff() {}

  static void compare(DiffContext ctx, Proto.Message original, Proto.Message update) {
    try (DiffContext.Scope scope = ctx.enterMessage(original)) {
      if (scope != null) {
        compareFields(ctx, original, update);
      }
    }
    SchemaDiff.compareTypes(ctx, original.nestedTypes(), update.nestedTypes());
  }

  /** Every field of a message by number, and the oneof each member belongs to. */
  private static final class Fields {
    final Map<Integer, Proto.Field> topLevel = new HashMap<>();
    final Map<Integer, Proto.Field> all = new HashMap<>();
    final Map<Integer, String> oneOfOf = new HashMap<>();
    final Map<String, Proto.OneOf> oneOfs = new HashMap<>();

    Fields(Proto.Message message) {
      message.fields().forEach(f -> topLevel.put(f.tag(), f));
      all.putAll(topLevel);
      for (Proto.OneOf oneOf : message.oneOfs()) {
        oneOfs.put(oneOf.name(), oneOf);
        for (Proto.Field member : oneOf.fields()) {
          all.put(member.tag(), member);
          oneOfOf.put(member.tag(), oneOf.name());
        }
      }
    }
  }

  private static void compareFields(DiffContext ctx, Proto.Message original,
      Proto.Message update) {
    Fields before = new Fields(original);
    Fields after = new Fields(update);
    // Top-level fields that moved into a oneof are judged by the move, not as removed.
    Map<Integer, Proto.Field> beforeTopLevel = new HashMap<>(before.topLevel);
    for (Proto.OneOf oneOf : update.oneOfs()) {
      try (DiffContext.Scope scope = ctx.enterPath(oneOf.name())) {
        int moved = 0;
        int existing = 0;
        for (Proto.Field member : oneOf.fields()) {
          if (beforeTopLevel.remove(member.tag()) != null) {
            moved++;
          } else if (before.oneOfOf.containsKey(member.tag())) {
            existing++;
          }
        }
        if (moved > 1) {
          ctx.add(ProtobufChange.MULTIPLE_FIELDS_MOVED_TO_ONEOF);
        } else if (moved == 1 && existing > 0) {
          ctx.add(ProtobufChange.FIELD_MOVED_TO_EXISTING_ONEOF);
        }
      }
    }
    compareOneOfs(ctx, before, after);
    compareTopLevel(ctx, beforeTopLevel, after.topLevel);
    compareMovedFields(ctx, before, after);
  }

  private static void compareOneOfs(DiffContext ctx, Fields before, Fields after) {
    Matching.each(Matching.hashOrder(before.oneOfs, after.oneOfs), before.oneOfs, after.oneOfs,
        ctx::enterPath,
        gone -> ctx.add(ProtobufChange.ONEOF_REMOVED),
        added -> ctx.add(ProtobufChange.ONEOF_ADDED),
        (originalOneOf, updateOneOf) -> compareOneOf(ctx, originalOneOf, updateOneOf, after));
  }

  private static void compareOneOf(DiffContext ctx, Proto.OneOf original, Proto.OneOf update,
      Fields after) {
    Map<Integer, Proto.Field> originalByTag = new HashMap<>();
    original.fields().forEach(f -> originalByTag.put(f.tag(), f));
    Map<Integer, Proto.Field> updateByTag = new HashMap<>();
    update.fields().forEach(f -> updateByTag.put(f.tag(), f));
    Matching.each(Matching.sorted(originalByTag, updateByTag), originalByTag, updateByTag,
        ctx::enterPath,
        gone -> {
          // Leaving a oneof only relaxes it; a move into another oneof is judged where it lands.
          if (after.topLevel.containsKey(gone.tag())) {
            ctx.add(ProtobufChange.ONEOF_FIELD_MOVED_TO_TOP_LEVEL);
          } else if (!after.all.containsKey(gone.tag())) {
            ctx.add(ProtobufChange.ONEOF_FIELD_REMOVED);
          }
        },
        added -> ctx.add(ProtobufChange.ONEOF_FIELD_ADDED),
        (originalField, updateField) -> FieldDiff.compare(ctx, originalField, updateField));
  }

  private static void compareTopLevel(DiffContext ctx, Map<Integer, Proto.Field> before,
      Map<Integer, Proto.Field> after) {
    Matching.each(Matching.hashOrder(before, after), before, after, ctx::enterPath,
        gone -> ctx.add(gone.label() == Proto.Label.REQUIRED
            ? ProtobufChange.REQUIRED_FIELD_REMOVED : ProtobufChange.FIELD_REMOVED),
        added -> ctx.add(added.label() == Proto.Label.REQUIRED
            ? ProtobufChange.REQUIRED_FIELD_ADDED : ProtobufChange.FIELD_ADDED),
        (originalField, updateField) -> FieldDiff.compare(ctx, originalField, updateField));
  }

  /**
   * Fields that changed oneof (into one, out of one, or between two) keep their number, so
   * their types must still agree; those that stayed put were compared above.
   */
  private static void compareMovedFields(DiffContext ctx, Fields before, Fields after) {
    Set<Integer> common = new TreeSet<>(before.all.keySet());
    common.retainAll(after.all.keySet());
    for (Integer tag : common) {
      String beforeOneOf = before.oneOfOf.get(tag);
      String afterOneOf = after.oneOfOf.get(tag);
      boolean stayed = beforeOneOf == null ? afterOneOf == null : beforeOneOf.equals(afterOneOf);
      if (!stayed) {
        try (DiffContext.Scope scope = ctx.enterPath(tag.toString())) {
          FieldDiff.compare(ctx, before.all.get(tag), after.all.get(tag));
        }
      }
    }
  }
}
