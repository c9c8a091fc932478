package dev.stele.format.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumOptions;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueOptions;
import com.google.protobuf.DescriptorProtos.ExtensionRangeOptions;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceOptions;
import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.ProtoTypes.MapType;
import dev.stele.format.protobuf.model.TypeIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the {@code FileDescriptorProto} the Confluent registry returns for
 * {@code format=serialized}, field for field: named like Confluent's ({@code default}), type
 * names kept as written (only the message/enum kind is resolved), oneof members first, map
 * entries named {@code <field>Entry} and appended to the nested types, a synthetic oneof per
 * proto3 {@code optional} field. Clients decode data with this descriptor, so the differences
 * from {@code protoc}'s output are deliberate.
 */
final class DescriptorWriter {
  private final TypeIndex types;
  private final String pkg;
  private final boolean proto3;
  private final List<String> scope = new ArrayList<>();

  private DescriptorWriter(TypeIndex types, Proto.File file) {
    this.types = types;
    this.pkg = file.packageName() == null ? "" : file.packageName();
    this.proto3 = file.isProto3();
  }

  /**
   * @param available the import paths that resolve (references and built-ins): only those are
   *     listed as dependencies, as in Confluent
   */
  static FileDescriptorProto write(Proto.File file, TypeIndex types, Set<String> available) {
    return new DescriptorWriter(types, file).file(file, available);
  }

  private FileDescriptorProto file(Proto.File file, Set<String> available) {
    FileDescriptorProto.Builder out = FileDescriptorProto.newBuilder().setName("default");
    if (file.syntax() != null) {
      out.setSyntax(file.syntax());
    }
    if (file.packageName() != null) {
      out.setPackage(file.packageName());
    }
    for (Proto.Type type : file.types()) {
      if (type instanceof Proto.Message message) {
        out.addMessageType(message(message));
      } else if (type instanceof Proto.EnumType enumType) {
        out.addEnumType(enumType(enumType));
      }
    }
    file.services().forEach(s -> out.addService(service(s)));
    for (Proto.Extend extend : file.extendDeclarations()) {
      extend.fields().forEach(f -> out.addExtension(extension(extend, f)));
    }
    for (String dependency : file.imports()) {
      if (available.contains(dependency) && !out.getDependencyList().contains(dependency)) {
        out.addDependency(dependency);
      }
    }
    for (String dependency : file.publicImports()) {
      if (available.contains(dependency)) {
        int index = out.getDependencyList().indexOf(dependency);
        if (index < 0) {
          out.addDependency(dependency);
          index = out.getDependencyCount() - 1;
        }
        out.addPublicDependency(index);
      }
    }
    KnownOptions.FILE.setOn(file.options(), FileOptions.getDefaultInstance(), out::setOptions);
    return out.build();
  }

  private DescriptorProto message(Proto.Message message) {
    scope.add(message.name());
    DescriptorProto.Builder out = DescriptorProto.newBuilder().setName(message.name());
    for (Proto.Type nested : message.nestedTypes()) {
      if (nested instanceof Proto.Message m) {
        out.addNestedType(message(m));
      } else if (nested instanceof Proto.EnumType e) {
        out.addEnumType(enumType(e));
      }
    }
    Set<String> inOneOf = new HashSet<>();
    for (Proto.OneOf oneOf : message.oneOfs()) {
      int index = addOneOf(out, oneOf.name());
      for (Proto.Field field : oneOf.fields()) {
        out.addField(field(field, FieldDescriptorProto.Label.LABEL_OPTIONAL, field.type(),
            KnownOptions.ONEOF_FIELD).setOneofIndex(index));
        inOneOf.add(field.name());
      }
    }
    for (Proto.Field field : message.fields()) {
      if (!inOneOf.contains(field.name())) {
        addField(out, field);
      }
    }
    addRanges(out, message);
    for (Proto.Extend extend : message.extendDeclarations()) {
      extend.fields().forEach(f -> out.addExtension(extension(extend, f)));
    }
    KnownOptions.MESSAGE.setOn(message.options(), MessageOptions.getDefaultInstance(), out::setOptions);
    scope.remove(scope.size() - 1);
    return out.build();
  }

  private static int addOneOf(DescriptorProto.Builder out, String name) {
    out.addOneofDecl(OneofDescriptorProto.newBuilder().setName(name)
        .setOptions(OneofOptions.getDefaultInstance()));
    return out.getOneofDeclCount() - 1;
  }

  private void addField(DescriptorProto.Builder out, Proto.Field field) {
    MapType map = MapType.of(field.type());
    if (map != null) {
      String entryName = mapEntryName(field.name());
      out.addNestedType(DescriptorProto.newBuilder().setName(entryName)
          .addField(typed(FieldDescriptorProto.newBuilder(), map.key())
              .setName("key").setNumber(1))
          .addField(typed(FieldDescriptorProto.newBuilder(), map.value())
              .setName("value").setNumber(2))
          .setOptions(MessageOptions.newBuilder().setMapEntry(true)));
      out.addField(field(field, FieldDescriptorProto.Label.LABEL_REPEATED, entryName,
          KnownOptions.FIELD));
    } else if (proto3 && field.label() == Proto.Label.OPTIONAL) {
      int index = addOneOf(out, "_" + field.name());
      out.addField(field(field, FieldDescriptorProto.Label.LABEL_OPTIONAL, field.type(),
          KnownOptions.ONEOF_FIELD).setOneofIndex(index).setProto3Optional(true));
    } else {
      out.addField(field(field, label(field.label()), field.type(), KnownOptions.FIELD));
    }
  }

  private void addRanges(DescriptorProto.Builder out, Proto.Message message) {
    for (Proto.Reserved reserved : message.reserveds()) {
      for (Object value : reserved.values()) {
        if (value instanceof String name) {
          out.addReservedName(name);
        } else {
          int[] span = span(value);
          out.addReservedRange(DescriptorProto.ReservedRange.newBuilder()
              .setStart(span[0]).setEnd(span[1] + 1));
        }
      }
    }
    for (Proto.Extensions extensions : message.extensions()) {
      for (Object value : extensions.values()) {
        int[] span = span(value);
        out.addExtensionRange(DescriptorProto.ExtensionRange.newBuilder().setStart(span[0])
            .setEnd(span[1] + 1).setOptions(ExtensionRangeOptions.getDefaultInstance()));
      }
    }
  }

  private static int[] span(Object value) {
    if (value instanceof Proto.Range range) {
      return new int[] {range.start(), range.end()};
    }
    int tag = (Integer) value;
    return new int[] {tag, tag};
  }

  private FieldDescriptorProto extension(Proto.Extend extend, Proto.Field field) {
    return field(field, label(field.label()), field.type(), KnownOptions.FIELD)
        .setExtendee(extend.name()).build();
  }

  private FieldDescriptorProto.Builder field(Proto.Field field, FieldDescriptorProto.Label label,
      String type, KnownOptions known) {
    FieldDescriptorProto.Builder out = FieldDescriptorProto.newBuilder();
    if (label != null) {
      out.setLabel(label);
    }
    typed(out, type).setName(field.name()).setNumber(field.tag());
    if (field.defaultValue() != null) {
      out.setDefaultValue(field.defaultValue());
    }
    if (field.jsonName() != null) {
      out.setJsonName(field.jsonName());
    }
    known.setOn(field.options(), FieldOptions.getDefaultInstance(), out::setOptions);
    return out;
  }

  /** A scalar's type, or the name as written with its kind when it resolves. */
  private FieldDescriptorProto.Builder typed(FieldDescriptorProto.Builder out, String type) {
    FieldDescriptorProto.Type scalar = scalarType(type);
    if (scalar != null) {
      return out.setType(scalar);
    }
    out.setTypeName(type);
    String fullName = types.resolve(type, pkg, scope);
    TypeIndex.TypeInfo info = fullName == null ? null : types.get(fullName);
    if (info != null) {
      out.setType(info.isEnum() ? FieldDescriptorProto.Type.TYPE_ENUM
          : FieldDescriptorProto.Type.TYPE_MESSAGE);
    }
    return out;
  }

  private static FieldDescriptorProto.Type scalarType(String type) {
    return switch (type) {
      case "double" -> FieldDescriptorProto.Type.TYPE_DOUBLE;
      case "float" -> FieldDescriptorProto.Type.TYPE_FLOAT;
      case "int32" -> FieldDescriptorProto.Type.TYPE_INT32;
      case "int64" -> FieldDescriptorProto.Type.TYPE_INT64;
      case "uint32" -> FieldDescriptorProto.Type.TYPE_UINT32;
      case "uint64" -> FieldDescriptorProto.Type.TYPE_UINT64;
      case "sint32" -> FieldDescriptorProto.Type.TYPE_SINT32;
      case "sint64" -> FieldDescriptorProto.Type.TYPE_SINT64;
      case "fixed32" -> FieldDescriptorProto.Type.TYPE_FIXED32;
      case "fixed64" -> FieldDescriptorProto.Type.TYPE_FIXED64;
      case "sfixed32" -> FieldDescriptorProto.Type.TYPE_SFIXED32;
      case "sfixed64" -> FieldDescriptorProto.Type.TYPE_SFIXED64;
      case "bool" -> FieldDescriptorProto.Type.TYPE_BOOL;
      case "string" -> FieldDescriptorProto.Type.TYPE_STRING;
      case "bytes" -> FieldDescriptorProto.Type.TYPE_BYTES;
      default -> null;
    };
  }

  private static FieldDescriptorProto.Label label(Proto.Label label) {
    if (label == null) {
      return null;
    }
    return switch (label) {
      case OPTIONAL -> FieldDescriptorProto.Label.LABEL_OPTIONAL;
      case REQUIRED -> FieldDescriptorProto.Label.LABEL_REQUIRED;
      case REPEATED -> FieldDescriptorProto.Label.LABEL_REPEATED;
    };
  }

  /** {@code m} gives {@code mEntry}, {@code my_map} gives {@code MyMapEntry} (as Confluent). */
  static String mapEntryName(String fieldName) {
    if (!fieldName.contains("_")) {
      return fieldName + "Entry";
    }
    StringBuilder out = new StringBuilder();
    for (String word : fieldName.split("_", -1)) {
      if (!word.isEmpty()) {
        out.append(word.substring(0, 1).toUpperCase(Locale.ROOT))
            .append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return out.append("Entry").toString();
  }

  private EnumDescriptorProto enumType(Proto.EnumType enumType) {
    EnumDescriptorProto.Builder out = EnumDescriptorProto.newBuilder().setName(enumType.name());
    for (Proto.Reserved reserved : enumType.reserveds()) {
      for (Object value : reserved.values()) {
        if (value instanceof String name) {
          out.addReservedName(name);
        } else {
          int[] span = span(value); // enum ranges include their end
          out.addReservedRange(EnumDescriptorProto.EnumReservedRange.newBuilder()
              .setStart(span[0]).setEnd(span[1]));
        }
      }
    }
    for (Proto.EnumConstant constant : enumType.constants()) {
      EnumValueDescriptorProto.Builder value = EnumValueDescriptorProto.newBuilder()
          .setName(constant.name()).setNumber(constant.tag());
      KnownOptions.ENUM_VALUE.setOn(constant.options(), EnumValueOptions.getDefaultInstance(), value::setOptions);
      out.addValue(value);
    }
    KnownOptions.ENUM.setOn(enumType.options(), EnumOptions.getDefaultInstance(), out::setOptions);
    return out.build();
  }

  private static ServiceDescriptorProto service(Proto.Service service) {
    ServiceDescriptorProto.Builder out =
        ServiceDescriptorProto.newBuilder().setName(service.name());
    for (Proto.Rpc rpc : service.rpcs()) {
      MethodDescriptorProto.Builder method = MethodDescriptorProto.newBuilder()
          .setName(rpc.name()).setInputType(rpc.requestType()).setOutputType(rpc.responseType())
          .setClientStreaming(rpc.requestStreaming()).setServerStreaming(rpc.responseStreaming());
      KnownOptions.METHOD.setOn(rpc.options(), MethodOptions.getDefaultInstance(), method::setOptions);
      out.addMethod(method);
    }
    KnownOptions.SERVICE.setOn(service.options(), ServiceOptions.getDefaultInstance(), out::setOptions);
    return out.build();
  }
}
