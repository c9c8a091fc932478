package dev.stele.format.protobuf.compat;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.TypeIndex;
import java.util.Objects;

/**
 * A message-typed field against a message-typed field. The types must have the same name within
 * their packages (a package may differ: a reference can move a type to another file). When both
 * come from the same subject version (or both are the schema's own, compared elsewhere), that is
 * enough; otherwise the two messages are compared, and any incompatibility inside also marks the
 * field.
 */
final class MessageTypeDiff {
  private MessageTypeDiff() {}

  static void compare(DiffContext ctx, String original, String update) {
    String originalFull = ctx.resolve(original, true);
    String updateFull = ctx.resolve(update, false);
    if (originalFull == null || updateFull == null) {
      // Unresolved (a lenient parse): only the names as written can be compared.
      if (!Objects.equals(original, update)) {
        ctx.add(ProtobufChange.FIELD_NAMED_TYPE_CHANGED);
      }
      return;
    }
    TypeIndex.TypeInfo originalType = ctx.typeForFullName(originalFull, true);
    TypeIndex.TypeInfo updateType = ctx.typeForFullName(updateFull, false);
    String originalLocal = local(originalFull, originalType.packageName());
    String updateLocal = local(updateFull, updateType.packageName());
    if (!originalLocal.equals(updateLocal)) {
      ctx.add(ProtobufChange.FIELD_NAMED_TYPE_CHANGED);
      return;
    }
    TypeIndex.Source originalSource = originalType.source();
    TypeIndex.Source updateSource = updateType.source();
    if (originalSource != null && originalSource.equals(updateSource)) {
      return;
    }
    if (originalType.type() == updateType.type()) {
      return; // one built-in file on both sides: the same message, nothing to find
    }
    if (originalType.type() instanceof Proto.Message originalMessage
        && updateType.type() instanceof Proto.Message updateMessage) {
      DiffContext sub = ctx.sub(originalType.packageName(), updateType.packageName(),
          originalLocal);
      MessageDiff.compare(sub, originalMessage, updateMessage);
      ctx.addAll(sub.differences());
      if (!sub.isCompatible()) {
        ctx.add(ProtobufChange.FIELD_NAMED_TYPE_CHANGED);
      }
    }
  }

  private static String local(String fullName, String packageName) {
    return !packageName.isEmpty() && fullName.startsWith(packageName + ".")
        ? fullName.substring(packageName.length() + 1) : fullName;
  }
}
