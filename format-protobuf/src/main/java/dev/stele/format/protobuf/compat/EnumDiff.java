package dev.stele.format.protobuf.compat;

import dev.stele.format.protobuf.model.Proto;
import java.util.HashMap;
import java.util.Map;

/**
 * An enum against its namesake, constants matched by number. Every change is compatible (an
 * unknown number reads as the default), but each is still reported.
 */
final class EnumDiff {
  private EnumDiff() {}

  static void compare(DiffContext ctx, Proto.EnumType original, Proto.EnumType update) {
    Map<Integer, Proto.EnumConstant> originalByTag = byTag(original);
    Map<Integer, Proto.EnumConstant> updateByTag = byTag(update);
    Matching.each(Matching.hashOrder(originalByTag, updateByTag), originalByTag, updateByTag,
        ctx::enterPath,
        gone -> ctx.add(ProtobufChange.ENUM_CONST_REMOVED),
        added -> ctx.add(ProtobufChange.ENUM_CONST_ADDED),
        (originalConstant, updateConstant) -> {
          if (!originalConstant.name().equals(updateConstant.name())) {
            ctx.add(ProtobufChange.ENUM_CONST_CHANGED);
          }
        });
  }

  /** By number; of aliases sharing a number, the last one written. */
  private static Map<Integer, Proto.EnumConstant> byTag(Proto.EnumType enumType) {
    Map<Integer, Proto.EnumConstant> byTag = new HashMap<>();
    enumType.constants().forEach(c -> byTag.put(c.tag(), c));
    return byTag;
  }
}
