package dev.stele.format.protobuf;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.Proto.Field;
import dev.stele.format.protobuf.model.Proto.Message;
import dev.stele.format.protobuf.model.Proto.Type;
import dev.stele.schema.SchemaField;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a .proto file's messages for a search, at {@code Message.field} paths (nested
 * messages {@code Outer.Inner.field}, as tags spell them), oneof members included; the type as
 * written, after its label ({@code repeated int32}, {@code map<string, Money>}).
 */
final class ProtoFields {
  private ProtoFields() {}

  static List<SchemaField> of(Proto.File file) {
    List<SchemaField> found = new ArrayList<>();
    walk(file, (path, f) -> found.add(
        new SchemaField(path + "." + f.name(), f.name(), f.label() == null ? f.type() : f.label().keyword() + " " + f.type())));
    return found;
  }

  /** What {@link #walk} shows: a message at its path, then its fields (oneof members last). */
  interface Visitor {
    default void message(String path, Message message) { }

    void field(String messagePath, Field field);
  }

  /** Every message of the file, outer ones before those nested in them. */
  static void walk(Proto.File file, Visitor visitor) {
    walk(file.types(), "", visitor);
  }

  private static void walk(List<Type> types, String prefix, Visitor visitor) {
    for (Type type : types) {
      if (type instanceof Message message) {
        String path = prefix + message.name();
        visitor.message(path, message);
        List<Field> fields = new ArrayList<>(message.fields());
        message.oneOfs().forEach(oneOf -> fields.addAll(oneOf.fields()));
        for (Field f : fields) {
          visitor.field(path, f);
        }
        walk(message.nestedTypes(), path + ".", visitor);
      }
    }
  }
}
