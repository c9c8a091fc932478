package dev.stele.format.protobuf.compat;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.ProtoTypes;
import dev.stele.format.protobuf.model.ProtoTypes.MapType;
import dev.stele.format.protobuf.model.TypeIndex;
import java.util.Objects;

/**
 * One field against the field of the same number. Scalars are grouped by wire encoding, as the
 * protobuf guide's "updating a message type" rules allow: int32/int64/uint32/uint64/bool and
 * enums interchange, as do sint32/sint64, string/bytes, fixed32/sfixed32, fixed64/sfixed64.
 */
final class FieldDiff {
  private FieldDiff() {}

  private enum Kind { SCALAR, MAP, MESSAGE }

  private enum ScalarKind { GENERAL_NUMBER, SIGNED_NUMBER, STRING_OR_BYTES, FIXED32, FIXED64,
    FLOAT, DOUBLE }

  static void compare(DiffContext ctx, Proto.Field original, Proto.Field update) {
    if (!Objects.equals(original.name(), update.name())) {
      ctx.add(ProtobufChange.FIELD_NAME_CHANGED);
    }
    compareTypes(ctx, original.label(), update.label(), original.type(), update.type());
  }

  private static void compareTypes(DiffContext ctx, Proto.Label originalLabel,
      Proto.Label updateLabel, String originalType, String updateType) {
    // A map-entry message named as a type compares as the map it stands for.
    originalType = asMap(ctx, originalType, true);
    updateType = asMap(ctx, updateType, false);
    Kind originalKind = kind(ctx, originalType, true);
    Kind updateKind = kind(ctx, updateType, false);
    if (originalKind != updateKind) {
      ctx.add(ProtobufChange.FIELD_KIND_CHANGED);
      return;
    }
    switch (originalKind) {
      case SCALAR -> compareScalars(ctx, originalLabel, updateLabel, originalType, updateType);
      case MESSAGE -> MessageTypeDiff.compare(ctx, originalType, updateType);
      case MAP -> {
        MapType originalMap = MapType.of(originalType);
        MapType updateMap = MapType.of(updateType);
        compareTypes(ctx, null, null, originalMap.key(), updateMap.key());
        compareTypes(ctx, null, null, originalMap.value(), updateMap.value());
      }
    }
  }

  private static String asMap(DiffContext ctx, String type, boolean original) {
    if (ProtoTypes.isScalar(type) || ProtoTypes.isMap(type)) {
      return type;
    }
    TypeIndex.TypeInfo info = ctx.type(type, original);
    return info != null && info.isMap() ? info.mapType() : type;
  }

  private static void compareScalars(DiffContext ctx, Proto.Label originalLabel,
      Proto.Label updateLabel, String originalType, String updateType) {
    ScalarKind originalKind = scalarKind(ctx, originalType, true);
    ScalarKind updateKind = scalarKind(ctx, updateType, false);
    if (originalKind != updateKind) {
      ctx.add(ProtobufChange.FIELD_SCALAR_KIND_CHANGED);
    } else if (originalLabel != null && updateLabel != null && originalLabel != updateLabel) {
      // Only when both labels were written: proto3's implicit label compares with nothing.
      ctx.add(originalKind == ScalarKind.STRING_OR_BYTES
          ? ProtobufChange.FIELD_STRING_OR_BYTES_LABEL_CHANGED
          : ProtobufChange.FIELD_NUMERIC_LABEL_CHANGED);
    }
  }

  private static Kind kind(DiffContext ctx, String type, boolean original) {
    if (ProtoTypes.isScalar(type)) {
      return Kind.SCALAR;
    }
    if (ProtoTypes.isMap(type)) {
      return Kind.MAP;
    }
    TypeIndex.TypeInfo info = ctx.type(type, original);
    return info != null && info.isEnum() ? Kind.SCALAR : Kind.MESSAGE;
  }

  private static ScalarKind scalarKind(DiffContext ctx, String type, boolean original) {
    if (!ProtoTypes.isScalar(type)) {
      return ScalarKind.GENERAL_NUMBER; // an enum: kind() let only scalars and enums through
    }
    return switch (type) {
      case "int32", "int64", "uint32", "uint64", "bool" -> ScalarKind.GENERAL_NUMBER;
      case "sint32", "sint64" -> ScalarKind.SIGNED_NUMBER;
      case "string", "bytes" -> ScalarKind.STRING_OR_BYTES;
      case "fixed32", "sfixed32" -> ScalarKind.FIXED32;
      case "fixed64", "sfixed64" -> ScalarKind.FIXED64;
      case "float" -> ScalarKind.FLOAT;
      case "double" -> ScalarKind.DOUBLE;
      default -> throw new IllegalStateException("not a scalar: " + type);
    };
  }
}
