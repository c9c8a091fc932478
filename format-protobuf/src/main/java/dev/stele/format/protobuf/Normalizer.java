package dev.stele.format.protobuf;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.Proto.Option;
import dev.stele.format.protobuf.model.Proto.OptionKind;
import dev.stele.format.protobuf.model.ProtoTypes;
import dev.stele.format.protobuf.model.ProtoTypes.MapType;
import dev.stele.format.protobuf.model.TypeIndex;
import dev.stele.schema.InvalidSchemaException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry's {@code normalize=true} form, as the Confluent registry computes it: imports and
 * options sorted, fields by number, oneofs by their first number, reserved entries one per
 * statement, every type name made absolute ({@code .pkg.Msg}) and map-entry messages folded back
 * into {@code map<K, V>} fields. Message order is kept: clients address messages by index.
 *
 * <p>Resolving every type name is also how Confluent validates a new schema, so this is where an
 * unknown type is refused.
 */
final class Normalizer {
  private final TypeIndex types;
  private final String pkg;
  private final List<String> scope = new ArrayList<>();

  private Normalizer(TypeIndex types, Proto.File file) {
    this.types = types;
    this.pkg = file.packageName() == null ? "" : file.packageName();
  }

  /** @throws InvalidSchemaException {@code Could not resolve type: X} for an unknown type */
  static Proto.File normalize(Proto.File file, TypeIndex types) throws InvalidSchemaException {
    try {
      return new Normalizer(types, file).file(file);
    } catch (Unresolved e) {
      throw InvalidSchemaException.afterParsing("Could not resolve type: " + e.getMessage(), e);
    }
  }

  /** Unchecked inside the walk, checked at the door. */
  private static final class Unresolved extends RuntimeException {
    Unresolved(String type) {
      super(type, null, false, false);
    }
  }

  private Proto.File file(Proto.File file) {
    return new Proto.File(file.packageName(), file.syntax(), sortedDistinct(file.imports()),
        sortedDistinct(file.publicImports()), types(file.types()),
        file.services().stream().map(this::service).toList(), file.extendDeclarations(),
        options(file.options()));
  }

  private static List<String> sortedDistinct(List<String> names) {
    return names.stream().sorted().distinct().toList();
  }

  private List<Proto.Type> types(List<Proto.Type> types) {
    List<Proto.Type> out = new ArrayList<>();
    for (Proto.Type type : types) {
      if (type instanceof Proto.Message message && !isMapEntry(message.name())) {
        scope.add(message.name());
        out.add(message(message));
        scope.remove(scope.size() - 1);
      }
    }
    for (Proto.Type type : types) {
      if (type instanceof Proto.EnumType enumType) {
        out.add(enumType(enumType));
      }
    }
    return out;
  }

  private boolean isMapEntry(String name) {
    String full = types.resolve(name, pkg, scope);
    return full != null && types.get(full).isMap();
  }

  private Proto.Message message(Proto.Message message) {
    List<Proto.Field> fields = message.fields().stream()
        .sorted(Comparator.comparingInt(Proto.Field::tag)).map(this::field).toList();
    List<Proto.OneOf> oneOfs = new ArrayList<>();
    for (Proto.OneOf oneOf : message.oneOfs()) {
      if (!oneOf.fields().isEmpty()) {
        List<Proto.Field> members = oneOf.fields().stream()
            .sorted(Comparator.comparingInt(Proto.Field::tag)).map(this::field).toList();
        oneOfs.add(new Proto.OneOf(oneOf.name(), members, oneOf.groups(),
            options(oneOf.options())));
      }
    }
    oneOfs.sort(Comparator.comparingInt(o -> o.fields().get(0).tag()));
    return new Proto.Message(message.name(), fields, oneOfs, types(message.nestedTypes()),
        options(message.options()), reserveds(message.reserveds()), message.extensions(),
        message.extendDeclarations(), message.groups());
  }

  private Proto.Field field(Proto.Field field) {
    String type = field.type();
    Proto.Label label = field.label();
    if (!ProtoTypes.isScalar(type) && !ProtoTypes.isMap(type)) {
      type = absolute(type);
      TypeIndex.TypeInfo info = types.get(type);
      if (info != null && info.isMap()) {
        type = info.mapType();
      }
    }
    MapType map = MapType.of(type);
    if (map != null) {
      String value = types.resolve(map.value(), pkg, scope);
      type = value == null ? map.toString() : "map<" + map.key() + ", ." + value + ">";
      label = null;
    }
    List<Option> options = new ArrayList<>(field.options());
    if (field.defaultValue() != null) {
      options.add(new Option("default", ProtoPrinter.defaultKind(type), field.defaultValue(),
          false));
    }
    if (field.jsonName() != null) {
      options.add(new Option("json_name", OptionKind.STRING, field.jsonName(), false));
    }
    return new Proto.Field(label, type, field.name(), null, null, field.tag(), options(options));
  }

  private String absolute(String type) {
    String full = types.resolve(type, pkg, scope);
    if (full == null) {
      throw new Unresolved(type);
    }
    return "." + full;
  }

  /** One number, range or name per statement, by number (names last). */
  private static List<Proto.Reserved> reserveds(List<Proto.Reserved> reserveds) {
    List<Proto.Reserved> out = new ArrayList<>();
    reserveds.forEach(r -> r.values().forEach(v -> out.add(new Proto.Reserved(List.of(v)))));
    out.sort(Comparator.<Proto.Reserved>comparingInt(r -> start(r.values().get(0)))
        .thenComparing(r -> text(r.values().get(0))));
    return out;
  }

  private static int start(Object value) {
    if (value instanceof Proto.Range range) {
      return range.start();
    }
    return value instanceof Integer number ? number : Integer.MAX_VALUE;
  }

  /** The tie-break Confluent uses: the value's own text ({@code 7..9} for a range). */
  private static String text(Object value) {
    return value instanceof Proto.Range r ? r.start() + ".." + r.end() : String.valueOf(value);
  }

  private Proto.EnumType enumType(Proto.EnumType enumType) {
    List<Proto.EnumConstant> constants = enumType.constants().stream()
        .sorted(Comparator.comparingInt(Proto.EnumConstant::tag)
            .thenComparing(Proto.EnumConstant::name))
        .map(c -> new Proto.EnumConstant(c.name(), c.tag(), options(c.options())))
        .toList();
    return new Proto.EnumType(enumType.name(), options(enumType.options()), constants,
        reserveds(enumType.reserveds()));
  }

  private Proto.Service service(Proto.Service service) {
    List<Proto.Rpc> rpcs = service.rpcs().stream()
        .map(r -> new Proto.Rpc(r.name(), absolute(r.requestType()), absolute(r.responseType()),
            r.requestStreaming(), r.responseStreaming(), options(r.options())))
        .toList();
    return new Proto.Service(service.name(), rpcs, options(service.options()));
  }

  /** By name (stable for equal names), with aggregate keys sorted too. */
  private static List<Option> options(List<Option> options) {
    return options.stream()
        .sorted(Comparator.comparing(Option::name))
        .map(o -> o.kind() == OptionKind.MAP
            ? new Option(o.name(), o.kind(), sortedKeys(o.value()), o.parenthesized()) : o)
        .toList();
  }

  private static Object sortedKeys(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), sortedKeys(v)));
      return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Normalizer::sortedKeys).toList();
    }
    return value;
  }
}
