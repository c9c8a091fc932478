package dev.stele.format.protobuf.internal.wire;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.stele.format.protobuf.model.Proto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotlin.ranges.IntRange;

/**
 * Reads {@code .proto} text with Square wire's parser (the one the Confluent registry uses, so
 * syntax errors read the same) and converts wire's elements into {@link Proto}'s model.
 *
 * <p>This is the only class that names wire's types: they live in wire's {@code internal}
 * package and may change between wire releases, so a wire upgrade touches this file alone.
 */
public final class WireReader {
  /** Where wire reports positions: an empty path gives Confluent's {@code :1:9} style. */
  private static final Location NOWHERE = Location.get("");

  private WireReader() {}

  /**
   * @throws IllegalStateException with wire's own message (e.g. {@code Syntax error in :1:9:
   *     expected a word}) when the text is not a {@code .proto} file
   */
  public static Proto.File parse(String text) {
    ProtoFileElement file = ProtoParser.Companion.parse(NOWHERE, text);
    List<String> imports = new ArrayList<>(file.getImports());
    // Weak imports are plain imports to everything downstream (the descriptor and the printer).
    imports.addAll(file.getWeakImports());
    return new Proto.File(file.getPackageName(),
        file.getSyntax() == null ? null : file.getSyntax().toString(),
        imports, file.getPublicImports(), types(file.getTypes()),
        file.getServices().stream().map(WireReader::service).toList(),
        extendsOf(file.getExtendDeclarations()), options(file.getOptions()));
  }

  private static List<Proto.Type> types(List<TypeElement> elements) {
    List<Proto.Type> out = new ArrayList<>(elements.size());
    for (TypeElement element : elements) {
      if (element instanceof MessageElement message) {
        out.add(message(message));
      } else if (element instanceof EnumElement enumElement) {
        out.add(enumType(enumElement));
      }
    }
    return out;
  }

  private static Proto.Message message(MessageElement m) {
    return new Proto.Message(m.getName(), fields(m.getFields()),
        m.getOneOfs().stream().map(WireReader::oneOf).toList(), types(m.getNestedTypes()),
        options(m.getOptions()), reserveds(m.getReserveds()),
        m.getExtensions().stream().map(WireReader::extensions).toList(),
        extendsOf(m.getExtendDeclarations()), groups(m.getGroups()));
  }

  private static Proto.OneOf oneOf(OneOfElement o) {
    return new Proto.OneOf(o.getName(), fields(o.getFields()), groups(o.getGroups()),
        options(o.getOptions()));
  }

  private static Proto.EnumType enumType(EnumElement e) {
    List<Proto.EnumConstant> constants = new ArrayList<>(e.getConstants().size());
    for (EnumConstantElement c : e.getConstants()) {
      constants.add(new Proto.EnumConstant(c.getName(), c.getTag(), options(c.getOptions())));
    }
    return new Proto.EnumType(e.getName(), options(e.getOptions()), constants,
        reserveds(e.getReserveds()));
  }

  private static List<Proto.Field> fields(List<FieldElement> elements) {
    List<Proto.Field> out = new ArrayList<>(elements.size());
    for (FieldElement f : elements) {
      out.add(new Proto.Field(label(f.getLabel()), f.getType(), f.getName(), f.getDefaultValue(),
          f.getJsonName(), f.getTag(), options(f.getOptions())));
    }
    return out;
  }

  private static Proto.Label label(Field.Label label) {
    if (label == null) {
      return null;
    }
    return switch (label) {
      case OPTIONAL -> Proto.Label.OPTIONAL;
      case REQUIRED -> Proto.Label.REQUIRED;
      case REPEATED -> Proto.Label.REPEATED;
      default -> null; // ONE_OF: wire's own marker; a oneof member prints without a label
    };
  }

  private static List<String> groups(List<GroupElement> groups) {
    return groups.stream().map(GroupElement::toSchema).toList();
  }

  private static List<Proto.Reserved> reserveds(List<ReservedElement> elements) {
    List<Proto.Reserved> out = new ArrayList<>(elements.size());
    for (ReservedElement r : elements) {
      out.add(new Proto.Reserved(numbersAndNames(r.getValues())));
    }
    return out;
  }

  private static Proto.Extensions extensions(ExtensionsElement e) {
    return new Proto.Extensions(numbersAndNames(e.getValues()));
  }

  private static List<Object> numbersAndNames(List<Object> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object value : values) {
      out.add(value instanceof IntRange range
          ? new Proto.Range(range.getFirst(), range.getLast()) : value);
    }
    return out;
  }

  private static List<Proto.Extend> extendsOf(List<ExtendElement> elements) {
    return elements.stream()
        .map(e -> new Proto.Extend(e.getName(), fields(e.getFields())))
        .toList();
  }

  private static Proto.Service service(ServiceElement s) {
    List<Proto.Rpc> rpcs = new ArrayList<>(s.getRpcs().size());
    for (RpcElement r : s.getRpcs()) {
      rpcs.add(new Proto.Rpc(r.getName(), r.getRequestType(), r.getResponseType(),
          r.getRequestStreaming(), r.getResponseStreaming(), options(r.getOptions())));
    }
    return new Proto.Service(s.getName(), rpcs, options(s.getOptions()));
  }

  private static List<Proto.Option> options(List<OptionElement> elements) {
    List<Proto.Option> out = new ArrayList<>(elements.size());
    for (OptionElement o : elements) {
      out.add(option(o));
    }
    return out;
  }

  private static Proto.Option option(OptionElement o) {
    Proto.OptionKind kind = Proto.OptionKind.valueOf(o.getKind().name());
    Object value = switch (kind) {
      case OPTION -> option((OptionElement) o.getValue());
      case MAP, LIST -> value(o.getValue());
      default -> String.valueOf(o.getValue());
    };
    return new Proto.Option(o.getName(), kind, value, o.isParenthesized());
  }

  /** A value inside an aggregate: maps and lists are copied, wire's primitives converted. */
  private static Object value(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), value(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(WireReader::value).toList();
    }
    if (value instanceof OptionElement.OptionPrimitive p) {
      return new Proto.Primitive(Proto.OptionKind.valueOf(p.getKind().name()),
          String.valueOf(p.getValue()));
    }
    if (value instanceof OptionElement o) {
      return option(o);
    }
    return String.valueOf(value);
  }
}
