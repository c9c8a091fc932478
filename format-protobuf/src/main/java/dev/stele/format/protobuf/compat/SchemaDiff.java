package dev.stele.format.protobuf.compat;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.TypeIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole-file diff: the package, then every message and enum matched by name at each level.
 * A message whose index among its siblings changed is MESSAGE_MOVED (compatible: a payload names
 * its message by index in the schema of its own id).
 *
 * <p>Names are visited in {@link HashSet} order, like the Confluent registry's, so that several
 * differences come out in the same order as there.
 */
final class SchemaDiff {
  private SchemaDiff() {}

  static List<DiffContext.Difference> compare(Proto.File original, TypeIndex originalTypes,
      Proto.File update, TypeIndex updateTypes) {
    DiffContext ctx = new DiffContext(originalTypes, original.packageName(), updateTypes,
        update.packageName());
    if (!Objects.equals(original.packageName(), update.packageName())) {
      ctx.add(ProtobufChange.PACKAGE_CHANGED);
    }
    compareTypes(ctx, original.types(), update.types());
    return ctx.differences();
  }

  /** Messages and enums declared side by side (a file's, or a message's nested ones). */
  static void compareTypes(DiffContext ctx, List<Proto.Type> original, List<Proto.Type> update) {
    Declared before = Declared.of(original);
    Declared after = Declared.of(update);
    Matching.each(Matching.hashOrder(before.messages, after.messages), before.messages,
        after.messages, ctx::enterName,
        gone -> addUnlessMapEntry(ctx, gone.name(), true, ProtobufChange.MESSAGE_REMOVED),
        added -> addUnlessMapEntry(ctx, added.name(), false, ProtobufChange.MESSAGE_ADDED),
        (originalMessage, updateMessage) -> {
          MessageDiff.compare(ctx, originalMessage, updateMessage);
          String name = originalMessage.name();
          if (!Objects.equals(before.indexes.get(name), after.indexes.get(name))) {
            ctx.add(ProtobufChange.MESSAGE_MOVED);
          }
        });
    Matching.each(Matching.hashOrder(before.enums, after.enums), before.enums, after.enums,
        ctx::enterName,
        gone -> ctx.add(ProtobufChange.ENUM_REMOVED),
        added -> ctx.add(ProtobufChange.ENUM_ADDED),
        (originalEnum, updateEnum) -> EnumDiff.compare(ctx, originalEnum, updateEnum));
  }

  /** A map's entry message is not a message of its own: it goes with its field. */
  private static void addUnlessMapEntry(DiffContext ctx, String name, boolean original,
      ProtobufChange kind) {
    TypeIndex.TypeInfo info = ctx.type(name, original);
    if (info != null && !info.isMap()) {
      ctx.add(kind);
    }
  }

  /** One level's messages (with their index among messages) and enums, by simple name. */
  private record Declared(Map<String, Proto.Message> messages, Map<String, Integer> indexes,
      Map<String, Proto.EnumType> enums) {
    static Declared of(List<Proto.Type> types) {
      Declared declared = new Declared(new HashMap<>(), new HashMap<>(), new HashMap<>());
      int index = 0;
      for (Proto.Type type : types) {
        if (type instanceof Proto.Message message) {
          declared.messages.put(message.name(), message);
          declared.indexes.put(message.name(), index++);
        } else if (type instanceof Proto.EnumType enumType) {
          declared.enums.put(enumType.name(), enumType);
        }
      }
      return declared;
    }
  }
}
