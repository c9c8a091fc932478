package dev.stele.serde.protobuf.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import dev.stele.client.RuleKind;
import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.FieldTransform;
import dev.stele.serde.rules.FieldType;
import dev.stele.serde.rules.MessageModel;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.internal.FieldLeaf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Protobuf messages (generated and {@code DynamicMessage}) as rules see them. A field's path is
 * its full name ({@code <package>.<Message>.<field>}); its inline tags are Confluent's
 * {@code (confluent.field_meta).tags} option. Messages are immutable, so a transform builds a new
 * one, and only when a field changed. Unset fields with presence are not visited, and map keys
 * are never rewritten.
 */
public final class ProtobufModel implements MessageModel {
  /** {@code extend google.protobuf.FieldOptions { Meta field_meta = 1036; }} in confluent/meta.proto. */
  static final int FIELD_META = 1036;
  /** {@code repeated string tags = 3;} in {@code confluent.Meta}. */
  private static final int META_TAGS = 3;

  @Override
  public String format() {
    return "PROTOBUF";
  }

  @Override
  public Object transformFields(RuleContext ctx, FieldTransform transform, Object message) throws RuleException {
    return walk(ctx, (Message) message, transform);
  }

  private Message walk(RuleContext ctx, Message message, FieldTransform transform) throws RuleException {
    Message.Builder changed = null;
    for (FieldDescriptor fd : message.getDescriptorForType().getFields()) {
      if (fd.isRepeated() ? message.getRepeatedFieldCount(fd) == 0 : fd.hasPresence() && !message.hasField(fd)) {
        continue;
      }
      FieldContext field = ctx.field(message, fd.getFullName(), fd.getName(), typeOf(fd), inlineTags(fd));
      if (field == null) {
        continue;
      }
      Object value = message.getField(fd);
      Object result;
      if (fd.isRepeated()) {
        List<Object> out = new ArrayList<>();
        boolean any = false;
        for (Object item : (List<?>) value) {
          Object one = fd.isMapField() ? mapEntry(ctx, (Message) item, transform, field) : one(ctx, fd, item, transform,
              field);
          any |= one != item;
          out.add(one);
        }
        result = any ? out : value;
      } else {
        result = one(ctx, fd, value, transform, field);
      }
      if (ctx.rule().kind() != RuleKind.CONDITION && result != value) {
        if (changed == null) {
          changed = message.toBuilder();
        }
        changed.setField(fd, result);
      }
    }
    return changed == null ? message : changed.build();
  }

  /** A map entry's value is walked; its key is the entry's identity and stays. */
  private Object mapEntry(RuleContext ctx, Message entry, FieldTransform transform, FieldContext field)
      throws RuleException {
    FieldDescriptor valueField = entry.getDescriptorForType().findFieldByNumber(2);
    Object value = entry.getField(valueField);
    Object result = one(ctx, valueField, value, transform, field);
    return result == value ? entry : entry.toBuilder().setField(valueField, result).build();
  }

  private Object one(RuleContext ctx, FieldDescriptor fd, Object value, FieldTransform transform, FieldContext field)
      throws RuleException {
    if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      return walk(ctx, (Message) value, transform);
    }
    FieldType type = typeOf(fd);
    if (!type.isPrimitive()) {
      return value;
    }
    return FieldLeaf.transform(ctx, field, type, value, ProtobufPlain::of, transform,
        (leaf, answer) -> ProtobufPlain.toField(ctx, leaf, fd, answer));
  }

  static FieldType typeOf(FieldDescriptor fd) {
    if (fd.isMapField()) {
      return FieldType.MAP;
    }
    return switch (fd.getJavaType()) {
      case MESSAGE -> FieldType.RECORD;
      case ENUM -> FieldType.ENUM;
      case STRING -> FieldType.STRING;
      case BYTE_STRING -> FieldType.BYTES;
      case INT -> FieldType.INT;
      case LONG -> FieldType.LONG;
      case FLOAT -> FieldType.FLOAT;
      case DOUBLE -> FieldType.DOUBLE;
      case BOOLEAN -> FieldType.BOOLEAN;
    };
  }

  /**
   * The field's {@code (confluent.field_meta).tags}. The option's extension is not linked here,
   * so it is read from the options' unknown fields, which is where protobuf keeps it.
   */
  static Set<String> inlineTags(FieldDescriptor fd) {
    UnknownFieldSet unknown = fd.getOptions().getUnknownFields();
    if (!unknown.hasField(FIELD_META)) {
      return Set.of();
    }
    Set<String> tags = new LinkedHashSet<>();
    for (ByteString meta : unknown.getField(FIELD_META).getLengthDelimitedList()) {
      try {
        CodedInputStream in = meta.newCodedInput();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
          if (tag >>> 3 == META_TAGS && (tag & 7) == 2) {
            tags.add(in.readStringRequireUtf8());
          } else {
            in.skipField(tag);
          }
        }
      } catch (IOException e) {
        // A malformed option carries no tags; the schema registered fine, so this is not the data's fault.
        return tags;
      }
    }
    return tags;
  }

  @Override
  public Object toPlain(Object value) {
    return ProtobufPlain.of(value);
  }
}
