package dev.stele.serde.protobuf.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Message;
import com.google.protobuf.ProtocolMessageEnum;
import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.internal.FieldLeaf;
import dev.stele.serde.rules.internal.PlainViews;
import dev.stele.serde.rules.internal.RecordView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Protobuf values as plain Java for rules, messages as lazy read-only maps by field name, enums as
 * their numbers (CEL's reading of protobuf enums), map fields as maps; and answers back as the
 * field's Java type.
 */
final class ProtobufPlain {
  private ProtobufPlain() {}

  static Object of(Object value) {
    if (value instanceof Integer || value instanceof Float) {
      return PlainViews.widen(value);
    }
    if (value instanceof ByteString bytes) {
      return bytes.toByteArray();
    }
    if (value instanceof EnumValueDescriptor symbol) {
      return (long) symbol.getNumber();
    }
    if (value instanceof ProtocolMessageEnum symbol) {
      return (long) symbol.getNumber();
    }
    if (value instanceof Message message) {
      return new MessageView(message);
    }
    if (value instanceof List<?> list) {
      return PlainViews.list(list.size(), index -> of(list.get(index)));
    }
    return value;
  }

  static Object toField(RuleContext ctx, FieldContext field, FieldDescriptor fd, Object value) throws RuleException {
    return FieldLeaf.convert(ctx, field, fd.getJavaType(), value, answer -> fd.getJavaType() == JavaType.BYTE_STRING
        ? answer instanceof byte[] bytes ? ByteString.copyFrom(bytes) : (ByteString) answer
        : FieldLeaf.scalar(field.type(), answer));
  }

  private static final class MessageView extends RecordView<FieldDescriptor> {
    private final Message message;

    MessageView(Message message) {
      this.message = message;
    }

    @Override
    protected FieldDescriptor field(String name) {
      return message.getDescriptorForType().findFieldByName(name);
    }

    @Override
    protected Object layoutOf() {
      return message.getDescriptorForType();
    }

    @Override
    protected List<FieldDescriptor> fields() {
      return message.getDescriptorForType().getFields();
    }

    @Override
    protected String name(FieldDescriptor fd) {
      return fd.getName();
    }

    @Override
    protected Object value(FieldDescriptor fd) {
      if (fd.isMapField()) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Object entry : (List<?>) message.getField(fd)) {
          Message pair = (Message) entry;
          Object k = of(pair.getField(pair.getDescriptorForType().findFieldByNumber(1)));
          map.put(k, of(pair.getField(pair.getDescriptorForType().findFieldByNumber(2))));
        }
        return map;
      }
      return of(message.getField(fd));
    }

    @Override
    protected boolean present(FieldDescriptor fd) {
      return fd.isRepeated() || !fd.hasPresence() || message.hasField(fd);
    }
  }
}
