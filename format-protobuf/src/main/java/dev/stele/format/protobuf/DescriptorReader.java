package dev.stele.format.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import dev.stele.format.protobuf.model.Proto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@code FileDescriptorProto} (what real clients register, base64-encoded) into the
 * {@link Proto} model, the way the Confluent registry turns it back into {@code .proto} text: map
 * fields stay as their {@code ...Entry} messages, type names keep their leading dots, labels are
 * dropped where proto3 implies them, and only the standard options and Confluent's metadata
 * survive.
 */
final class DescriptorReader {
  private final boolean proto3;

  private DescriptorReader(boolean proto3) {
    this.proto3 = proto3;
  }

  static Proto.File read(FileDescriptorProto file) {
    String syntax = switch (file.getSyntax()) {
      case "proto2" -> "proto2";
      case "proto3" -> "proto3";
      default -> null;
    };
    DescriptorReader reader = new DescriptorReader("proto3".equals(syntax));
    List<Proto.Type> types = new ArrayList<>();
    file.getMessageTypeList().forEach(m -> types.add(reader.message(m)));
    file.getEnumTypeList().forEach(e -> types.add(enumType(e)));
    List<String> imports = new ArrayList<>();
    List<String> publicImports = new ArrayList<>();
    Set<Integer> publicIndexes = new HashSet<>(file.getPublicDependencyList());
    for (int i = 0; i < file.getDependencyCount(); i++) {
      (publicIndexes.contains(i) ? publicImports : imports).add(file.getDependency(i));
    }
    return new Proto.File(file.getPackage().isEmpty() ? null : file.getPackage(), syntax,
        imports, publicImports, types,
        file.getServiceList().stream().map(DescriptorReader::service).toList(),
        reader.extendsOf(file.getExtensionList()), KnownOptions.FILE.read(file.getOptions()));
  }

  private Proto.Message message(DescriptorProto message) {
    Map<String, List<Proto.Field>> oneOfFields = new LinkedHashMap<>();
    message.getOneofDeclList().forEach(o -> oneOfFields.put(o.getName(), new ArrayList<>()));
    List<String> oneOfNames = new ArrayList<>(oneOfFields.keySet());
    List<Proto.Field> fields = new ArrayList<>();
    for (FieldDescriptorProto field : message.getFieldList()) {
      boolean inOneOf = field.hasOneofIndex() && !field.getProto3Optional()
          && field.getOneofIndex() < oneOfNames.size();
      if (inOneOf) {
        oneOfFields.get(oneOfNames.get(field.getOneofIndex())).add(field(field, true));
      } else {
        fields.add(field(field, false));
      }
    }
    List<Proto.Type> nested = new ArrayList<>();
    message.getNestedTypeList().forEach(m -> nested.add(message(m)));
    message.getEnumTypeList().forEach(e -> nested.add(enumType(e)));
    List<Proto.Reserved> reserved = new ArrayList<>();
    message.getReservedRangeList().forEach(r -> reserved.add(
        new Proto.Reserved(List.of(span(r.getStart(), r.getEnd() - 1)))));
    message.getReservedNameList().forEach(n -> reserved.add(new Proto.Reserved(List.of(n))));
    List<Proto.Extensions> extensions = message.getExtensionRangeList().stream()
        .map(r -> new Proto.Extensions(List.of(span(r.getStart(), r.getEnd() - 1)))).toList();
    List<Proto.OneOf> oneOfs = new ArrayList<>();
    oneOfFields.forEach((name, members) -> {
      if (!members.isEmpty()) { // a proto3 optional's synthetic oneof holds no member here
        oneOfs.add(new Proto.OneOf(name, members, List.of(), List.of()));
      }
    });
    return new Proto.Message(message.getName(), fields, oneOfs, nested,
        KnownOptions.MESSAGE.read(message.getOptions()), reserved, extensions,
        extendsOf(message.getExtensionList()), List.of());
  }

  /** A single number prints as itself, a longer range as {@code a to b}. */
  private static Object span(int start, int endInclusive) {
    return start == endInclusive ? (Object) start : new Proto.Range(start, endInclusive);
  }

  private Proto.Field field(FieldDescriptorProto field, boolean inOneOf) {
    String type = field.hasTypeName() ? field.getTypeName()
        : field.getType().name().substring("TYPE_".length()).toLowerCase(Locale.ROOT);
    String defaultValue = !proto3 && field.hasDefaultValue() ? field.getDefaultValue() : null;
    return new Proto.Field(inOneOf ? null : label(field), type, field.getName(), defaultValue,
        field.hasJsonName() ? field.getJsonName() : null, field.getNumber(),
        KnownOptions.FIELD.read(field.getOptions()));
  }

  private Proto.Label label(FieldDescriptorProto field) {
    if (field.getProto3Optional()) {
      return Proto.Label.OPTIONAL;
    }
    return switch (field.getLabel()) {
      case LABEL_REQUIRED -> proto3 ? null : Proto.Label.REQUIRED;
      case LABEL_OPTIONAL -> proto3 ? null : Proto.Label.OPTIONAL;
      case LABEL_REPEATED -> Proto.Label.REPEATED;
    };
  }

  /** Extension fields grouped by the message they extend, in first-seen order. */
  private List<Proto.Extend> extendsOf(List<FieldDescriptorProto> fields) {
    Map<String, List<Proto.Field>> byExtendee = new LinkedHashMap<>();
    for (FieldDescriptorProto field : fields) {
      byExtendee.computeIfAbsent(field.getExtendee(), k -> new ArrayList<>())
          .add(field(field, false));
    }
    List<Proto.Extend> out = new ArrayList<>();
    byExtendee.forEach((name, members) -> out.add(new Proto.Extend(name, members)));
    return out;
  }

  private static Proto.EnumType enumType(EnumDescriptorProto enumType) {
    List<Proto.EnumConstant> constants = new ArrayList<>();
    for (EnumValueDescriptorProto value : enumType.getValueList()) {
      constants.add(new Proto.EnumConstant(value.getName(), value.getNumber(),
          KnownOptions.ENUM_VALUE.read(value.getOptions())));
    }
    List<Proto.Reserved> reserved = new ArrayList<>();
    enumType.getReservedRangeList().forEach(r -> reserved.add(
        new Proto.Reserved(List.of(span(r.getStart(), r.getEnd())))));
    enumType.getReservedNameList().forEach(n -> reserved.add(new Proto.Reserved(List.of(n))));
    return new Proto.EnumType(enumType.getName(), KnownOptions.ENUM.read(enumType.getOptions()),
        constants, reserved);
  }

  private static Proto.Service service(ServiceDescriptorProto service) {
    List<Proto.Rpc> rpcs = new ArrayList<>();
    for (MethodDescriptorProto method : service.getMethodList()) {
      rpcs.add(new Proto.Rpc(method.getName(), method.getInputType(), method.getOutputType(),
          method.getClientStreaming(), method.getServerStreaming(),
          KnownOptions.METHOD.read(method.getOptions())));
    }
    return new Proto.Service(service.getName(), rpcs,
        KnownOptions.SERVICE.read(service.getOptions()));
  }
}
