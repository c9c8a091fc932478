package dev.stele.format.protobuf.model;

import java.util.Set;

/** What a field's type string says: a scalar, a map, or a name to resolve. */
public final class ProtoTypes {
  private static final Set<String> SCALARS = Set.of("bool", "bytes", "double", "float", "fixed32",
      "fixed64", "int32", "int64", "sfixed32", "sfixed64", "sint32", "sint64", "string", "uint32",
      "uint64");

  private ProtoTypes() {}

  /** A {@code map<K, V>} type's two halves. */
  public record MapType(String key, String value) {
    /** The map a type string spells, or null when it is not {@code map<...>}. */
    public static MapType of(String type) {
      if (!type.startsWith("map<") || !type.endsWith(">")) {
        return null;
      }
      String inner = type.substring(4, type.length() - 1);
      int comma = inner.indexOf(',');
      if (comma < 0) {
        return null;
      }
      return new MapType(inner.substring(0, comma).trim(), inner.substring(comma + 1).trim());
    }

    @Override
    public String toString() {
      return "map<" + key + ", " + value + ">";
    }
  }

  public static boolean isScalar(String type) {
    return SCALARS.contains(type);
  }

  public static boolean isMap(String type) {
    return MapType.of(type) != null;
  }
}
