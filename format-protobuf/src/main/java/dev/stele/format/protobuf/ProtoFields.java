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
    collect(file.types(), "", found);
    return found;
  }

  private static void collect(List<Type> types, String prefix, List<SchemaField> found) {
    for (Type type : types) {
      if (type instanceof Message message) {
        String path = prefix + message.name();
        List<Field> fields = new ArrayList<>(message.fields());
        message.oneOfs().forEach(oneOf -> fields.addAll(oneOf.fields()));
        for (Field f : fields) {
          String written = f.label() == null ? f.type() : f.label().keyword() + " " + f.type();
          found.add(new SchemaField(path + "." + f.name(), f.name(), written));
        }
        collect(message.nestedTypes(), path + ".", found);
      }
    }
  }
}
