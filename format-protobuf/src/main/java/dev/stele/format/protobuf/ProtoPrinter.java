package dev.stele.format.protobuf;

import static dev.stele.format.protobuf.OptionPrinter.appendIndented;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.Proto.Option;
import dev.stele.format.protobuf.model.Proto.OptionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a {@link Proto.File} as the Confluent registry's canonical {@code .proto} text. This text
 * is what the registry stores and hashes, so its layout is part of a schema's identity: the order
 * of sections, where blank lines fall, messages before enums at each level (the index clients
 * put on the wire counts messages only, in source order) and how options spread over lines.
 */
final class ProtoPrinter {
  private final boolean ignoreExtensions;

  private ProtoPrinter(boolean ignoreExtensions) {
    this.ignoreExtensions = ignoreExtensions;
  }

  /** The canonical text. */
  static String print(Proto.File file) {
    return new ProtoPrinter(false).file(file);
  }

  /**
   * The text without extensions: no {@code extend} blocks, no {@code extensions} ranges and no
   * custom options other than Confluent's own {@code confluent.*} metadata ({@code format=
   * ignore_extensions}, for clients that cannot resolve them).
   */
  static String printWithoutExtensions(Proto.File file) {
    return new ProtoPrinter(true).file(file);
  }

  private String file(Proto.File file) {
    StringBuilder out = new StringBuilder();
    if (file.syntax() != null) {
      out.append("syntax = \"").append(file.syntax()).append("\";\n");
    }
    if (file.packageName() != null) {
      out.append("package ").append(file.packageName()).append(";\n");
    }
    if (!file.imports().isEmpty() || !file.publicImports().isEmpty()) {
      out.append('\n');
      file.imports().forEach(i -> out.append("import \"").append(i).append("\";\n"));
      file.publicImports().forEach(i -> out.append("import public \"").append(i).append("\";\n"));
    }
    List<Option> options = options(file.options());
    if (!options.isEmpty()) {
      out.append('\n');
      options.forEach(o -> out.append(OptionPrinter.statement(o)));
    }
    if (!file.types().isEmpty()) {
      out.append('\n');
      appendTypes(out, file.types(), false);
    }
    if (!file.extendDeclarations().isEmpty() && !ignoreExtensions) {
      out.append('\n');
      file.extendDeclarations().forEach(e -> out.append(extend(e)));
    }
    if (!file.services().isEmpty()) {
      out.append('\n');
      file.services().forEach(s -> out.append(service(s)));
    }
    return out.toString();
  }

  /** Messages first, then enums, each group in source order. */
  private void appendTypes(StringBuilder out, List<Proto.Type> types, boolean indent) {
    for (Proto.Type type : types) {
      if (type instanceof Proto.Message message) {
        appendBlock(out, message(message), indent);
      }
    }
    for (Proto.Type type : types) {
      if (type instanceof Proto.EnumType enumType) {
        appendBlock(out, enumType(enumType), indent);
      }
    }
  }

  private static void appendBlock(StringBuilder out, String text, boolean indent) {
    if (indent) {
      appendIndented(out, text);
    } else {
      out.append(text);
    }
  }

  private String message(Proto.Message message) {
    StringBuilder out = new StringBuilder("message ").append(message.name()).append(" {");
    if (!message.reserveds().isEmpty()) {
      out.append('\n');
      message.reserveds().forEach(r -> appendIndented(out, reserved(r)));
    }
    section(out, options(message.options()), o -> OptionPrinter.statement(o));
    section(out, message.fields(), this::field);
    section(out, message.oneOfs(), this::oneOf);
    section(out, message.groups(), g -> g);
    if (!ignoreExtensions) {
      section(out, message.extensions(), ProtoPrinter::extensions);
    }
    if (!message.nestedTypes().isEmpty()) {
      out.append('\n');
      appendTypes(out, message.nestedTypes(), true);
    }
    if (!ignoreExtensions) {
      section(out, message.extendDeclarations(), this::extend);
    }
    return out.append("}\n").toString();
  }

  /** A blank line, then each item indented; nothing at all for no items. */
  private static <T> void section(StringBuilder out, List<T> items,
      java.util.function.Function<T, String> printer) {
    if (!items.isEmpty()) {
      out.append('\n');
      items.forEach(item -> appendIndented(out, printer.apply(item)));
    }
  }

  private String enumType(Proto.EnumType enumType) {
    StringBuilder out = new StringBuilder("enum ").append(enumType.name()).append(" {");
    List<Option> options = options(enumType.options());
    if (!enumType.reserveds().isEmpty() || !options.isEmpty() || !enumType.constants().isEmpty()) {
      out.append('\n');
    }
    enumType.reserveds().forEach(r -> appendIndented(out, reserved(r)));
    options.forEach(o -> appendIndented(out, OptionPrinter.statement(o)));
    for (Proto.EnumConstant constant : enumType.constants()) {
      StringBuilder line = new StringBuilder(constant.name()).append(" = ").append(constant.tag());
      List<Option> constantOptions = options(constant.options());
      if (!constantOptions.isEmpty()) {
        line.append(' ');
        OptionPrinter.appendBracketed(line, constantOptions);
      }
      appendIndented(out, line.append(";\n").toString());
    }
    return out.append("}\n").toString();
  }

  private String field(Proto.Field field) {
    StringBuilder out = new StringBuilder();
    if (field.label() != null) {
      out.append(field.label().keyword()).append(' ');
    }
    out.append(field.type()).append(' ').append(field.name()).append(" = ").append(field.tag());
    List<Option> options = new ArrayList<>(options(field.options()));
    if (field.defaultValue() != null) {
      options.add(new Option("default", defaultKind(field.type()), field.defaultValue(), false));
    }
    if (field.jsonName() != null) {
      options.add(new Option("json_name", OptionKind.STRING, field.jsonName(), false));
    }
    if (!options.isEmpty()) {
      out.append(' ');
      OptionPrinter.appendBracketed(out, options);
    }
    return out.append(";\n").toString();
  }

  /**
   * How a default prints: quoted for strings and bytes, bare otherwise (numbers, booleans, enum
   * names). Confluent prints a bytes default bare, which does not parse again; quoting it keeps
   * every canonical text readable, which a stored schema must be.
   */
  static OptionKind defaultKind(String type) {
    return switch (type) {
      case "string", "bytes" -> OptionKind.STRING;
      case "bool" -> OptionKind.BOOLEAN;
      case "double", "float", "fixed32", "fixed64", "int32", "int64", "sfixed32", "sfixed64",
          "sint32", "sint64", "uint32", "uint64" -> OptionKind.NUMBER;
      default -> OptionKind.ENUM;
    };
  }

  private String oneOf(Proto.OneOf oneOf) {
    StringBuilder out = new StringBuilder("oneof ").append(oneOf.name()).append(" {");
    section(out, options(oneOf.options()), o -> OptionPrinter.statement(o));
    section(out, oneOf.fields(), this::field);
    section(out, oneOf.groups(), g -> g);
    return out.append("}\n").toString();
  }

  private static String reserved(Proto.Reserved reserved) {
    StringBuilder out = new StringBuilder("reserved ");
    appendValues(out, reserved.values(), false);
    return out.append(";\n").toString();
  }

  private static String extensions(Proto.Extensions extensions) {
    StringBuilder out = new StringBuilder("extensions ");
    appendValues(out, extensions.values(), true);
    return out.append(";\n").toString();
  }

  /** @param maxAsWord print the top field number as {@code max} (extensions do, reserved not) */
  private static void appendValues(StringBuilder out, List<Object> values, boolean maxAsWord) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      Object value = values.get(i);
      if (value instanceof String name) {
        out.append('"').append(name).append('"');
      } else if (value instanceof Proto.Range range) {
        boolean max = maxAsWord && range.end() == Proto.MAX_TAG;
        out.append(range.start()).append(" to ").append(max ? "max" : String.valueOf(range.end()));
      } else {
        out.append(value);
      }
    }
  }

  private String extend(Proto.Extend extend) {
    StringBuilder out = new StringBuilder("extend ").append(extend.name()).append(" {");
    section(out, extend.fields(), this::field);
    return out.append("}\n").toString();
  }

  private String service(Proto.Service service) {
    StringBuilder out = new StringBuilder("service ").append(service.name()).append(" {");
    section(out, options(service.options()), o -> OptionPrinter.statement(o));
    section(out, service.rpcs(), this::rpc);
    return out.append("}\n").toString();
  }

  private String rpc(Proto.Rpc rpc) {
    StringBuilder out = new StringBuilder("rpc ").append(rpc.name()).append(" (");
    out.append(rpc.requestStreaming() ? "stream " : "").append(rpc.requestType());
    out.append(") returns (");
    out.append(rpc.responseStreaming() ? "stream " : "").append(rpc.responseType()).append(')');
    List<Option> options = options(rpc.options());
    if (!options.isEmpty()) {
      out.append(" {\n");
      options.forEach(o -> appendIndented(out, OptionPrinter.statement(o)));
      out.append('}');
    }
    return out.append(";\n").toString();
  }

  private List<Option> options(List<Option> options) {
    if (!ignoreExtensions) {
      return options;
    }
    return options.stream()
        .filter(o -> !o.parenthesized() || o.name().startsWith("confluent."))
        .toList();
  }
}
