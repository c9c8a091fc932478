package dev.stele.format.protobuf.model;

import java.util.List;
import java.util.Locale;

/**
 * An immutable model of one {@code .proto} file, as written: type names stay as the author spelled
 * them (resolution is {@link TypeIndex}'s job), and the element order is the source order, since
 * both the canonical text and a message's index on the wire depend on it.
 *
 * <p>The shape follows what the Confluent registry keeps of a schema (Square wire's parser
 * elements), so that the printer, the descriptor writer and the compatibility diff all see what
 * Confluent sees. Documentation comments are dropped: Confluent prints none.
 */
public final class Proto {
  /** The largest field number protobuf allows (2^29 - 1), also what {@code max} means. */
  public static final int MAX_TAG = 536_870_911;

  private Proto() {}

  /** A field's label; null on a {@link Field} means none was written (proto3 singular, oneof). */
  public enum Label {
    OPTIONAL, REQUIRED, REPEATED;

    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How an option value was written, which decides how it prints. */
  public enum OptionKind { STRING, BOOLEAN, NUMBER, ENUM, MAP, LIST, OPTION }

  /**
   * @param packageName null when the file has no {@code package}
   * @param syntax {@code proto2}, {@code proto3}, or null when the file does not say
   */
  public record File(String packageName, String syntax, List<String> imports,
      List<String> publicImports, List<Type> types, List<Service> services,
      List<Extend> extendDeclarations, List<Option> options) {
    public File {
      imports = List.copyOf(imports);
      publicImports = List.copyOf(publicImports);
      types = List.copyOf(types);
      services = List.copyOf(services);
      extendDeclarations = List.copyOf(extendDeclarations);
      options = List.copyOf(options);
    }

    public boolean isProto3() {
      return "proto3".equals(syntax);
    }
  }

  /** A message or an enum. */
  public sealed interface Type permits Message, EnumType {
    String name();

    List<Option> options();

    /** Nested messages and enums in source order (none for an enum). */
    List<Type> nestedTypes();
  }

  /**
   * @param groups proto2 groups, kept as the text they print as: neither the descriptor nor the
   *     compatibility check looks inside them (as in Confluent)
   */
  public record Message(String name, List<Field> fields, List<OneOf> oneOfs, List<Type> nestedTypes,
      List<Option> options, List<Reserved> reserveds, List<Extensions> extensions,
      List<Extend> extendDeclarations, List<String> groups) implements Type {
    public Message {
      fields = List.copyOf(fields);
      oneOfs = List.copyOf(oneOfs);
      nestedTypes = List.copyOf(nestedTypes);
      options = List.copyOf(options);
      reserveds = List.copyOf(reserveds);
      extensions = List.copyOf(extensions);
      extendDeclarations = List.copyOf(extendDeclarations);
      groups = List.copyOf(groups);
    }
  }

  public record EnumType(String name, List<Option> options, List<EnumConstant> constants,
      List<Reserved> reserveds) implements Type {
    public EnumType {
      options = List.copyOf(options);
      constants = List.copyOf(constants);
      reserveds = List.copyOf(reserveds);
    }

    @Override
    public List<Type> nestedTypes() {
      return List.of();
    }
  }

  public record EnumConstant(String name, int tag, List<Option> options) {
    public EnumConstant {
      options = List.copyOf(options);
    }
  }

  /**
   * @param label null when none was written
   * @param type as written: a scalar, a (possibly dotted or dot-prefixed) type name, or
   *     {@code map<K, V>}
   * @param defaultValue the {@code default} option, held apart as protobuf does
   * @param jsonName the {@code json_name} option, held apart as protobuf does
   */
  public record Field(Label label, String type, String name, String defaultValue, String jsonName,
      int tag, List<Option> options) {
    public Field {
      options = List.copyOf(options);
    }
  }

  public record OneOf(String name, List<Field> fields, List<String> groups, List<Option> options) {
    public OneOf {
      fields = List.copyOf(fields);
      groups = List.copyOf(groups);
      options = List.copyOf(options);
    }
  }

  /** An inclusive range of numbers, as {@code 7 to 9} reads. */
  public record Range(int start, int end) {}

  /** One {@code reserved} statement: each value an {@link Integer}, a {@link Range} or a name. */
  public record Reserved(List<Object> values) {
    public Reserved {
      values = List.copyOf(values);
    }
  }

  /** One {@code extensions} statement: each value an {@link Integer} or a {@link Range}. */
  public record Extensions(List<Object> values) {
    public Extensions {
      values = List.copyOf(values);
    }
  }

  public record Extend(String name, List<Field> fields) {
    public Extend {
      fields = List.copyOf(fields);
    }
  }

  public record Service(String name, List<Rpc> rpcs, List<Option> options) {
    public Service {
      rpcs = List.copyOf(rpcs);
      options = List.copyOf(options);
    }
  }

  public record Rpc(String name, String requestType, String responseType,
      boolean requestStreaming, boolean responseStreaming, List<Option> options) {
    public Rpc {
      options = List.copyOf(options);
    }
  }

  /**
   * An option as written. The value depends on the kind: a String for STRING, BOOLEAN, NUMBER and
   * ENUM; an {@link Option} for OPTION ({@code (a).b = 1}); an unmodifiable ordered
   * {@code Map<String, Object>} for MAP; a {@code List<Object>} for LIST. Values inside maps and
   * lists are Strings (string literals), {@link Primitive}s, maps or lists.
   */
  public record Option(String name, OptionKind kind, Object value, boolean parenthesized) {}

  /** A bare value inside an aggregate option: a number, boolean or enum name. */
  public record Primitive(OptionKind kind, String value) {}
}
