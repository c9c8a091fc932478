package dev.stele.format.protobuf.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every message and enum a schema can name, by full name: the built-in files, the referenced
 * files, then the schema's own (a later file wins a clash, as in Confluent). Immutable once built;
 * one per parsed schema, so that compatibility checks against a long history do not rebuild it.
 */
public final class TypeIndex {
  /** Where a type came from: a referenced subject version, the schema itself, or a built-in. */
  public record Source(String subject, int version) {
    /** The schema's own types (Confluent marks them with an empty reference). */
    public static final Source LOCAL = new Source("", -1);
  }

  /**
   * @param packageName the package of the file declaring the type, "" when none
   * @param source null for built-in and indirectly referenced files
   * @param mapKey the key type when this is a map-entry message, else null
   * @param mapValue the value type when this is a map-entry message, else null
   */
  public record TypeInfo(String packageName, Proto.Type type, Source source, String mapKey,
      String mapValue) {
    public boolean isMap() {
      return mapKey != null && mapValue != null;
    }

    public boolean isEnum() {
      return type instanceof Proto.EnumType;
    }

    /** The {@code map<K, V>} a map-entry message stands for. */
    public String mapType() {
      return "map<" + mapKey + ", " + mapValue + ">";
    }
  }

  private final Map<String, TypeInfo> byName;

  private TypeIndex(Map<String, TypeInfo> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** Collects files in order; a later file's type replaces an earlier one of the same name. */
  public static final class Builder {
    private final Map<String, TypeInfo> byName = new HashMap<>();

    public Builder add(Proto.File file, Source source) {
      String pkg = file.packageName() == null ? "" : file.packageName();
      collect(pkg, pkg.isEmpty() ? "" : pkg + ".", file.types(), source);
      return this;
    }

    private void collect(String pkg, String prefix, List<Proto.Type> types, Source source) {
      for (Proto.Type type : types) {
        String fullName = prefix + type.name();
        String key = null;
        String value = null;
        if (type instanceof Proto.Message message && Options.isMapEntry(message.options())) {
          key = fieldType(message, "key");
          value = fieldType(message, "value");
        }
        byName.put(fullName, new TypeInfo(pkg, type, source, key, value));
        collect(pkg, fullName + ".", type.nestedTypes(), source);
      }
    }

    private static String fieldType(Proto.Message message, String name) {
      for (Proto.Field field : message.fields()) {
        if (field.name().equals(name)) {
          return field.type();
        }
      }
      return null;
    }

    public TypeIndex build() {
      return new TypeIndex(byName);
    }
  }

  /** The type of a full name (a leading dot is allowed), or null. */
  public TypeInfo get(String fullName) {
    return byName.get(fullName.startsWith(".") ? fullName.substring(1) : fullName);
  }

  /**
   * The full name (no leading dot) that {@code name} means inside {@code scope}, or null. Tries
   * {@code pkg.Outer.Inner.name}, then drops one enclosing name at a time, then the name alone:
   * the Confluent registry's rule, which the canonical text and the compatibility check follow.
   *
   * @param pkg the package the name is read in, "" for none
   * @param scope the names of the enclosing messages, outermost first
   */
  public String resolve(String name, String pkg, List<String> scope) {
    if (name.startsWith(".")) {
      String full = name.substring(1);
      return byName.containsKey(full) ? full : null;
    }
    // The prefixes pkg.A.B, pkg.A, pkg, built once: this runs for every field of every check.
    StringBuilder prefix = new StringBuilder(pkg == null ? "" : pkg);
    int[] ends = new int[scope.size() + 1];
    ends[0] = prefix.length();
    for (int i = 0; i < scope.size(); i++) {
      if (prefix.length() > 0) {
        prefix.append('.');
      }
      ends[i + 1] = prefix.append(scope.get(i)).length();
    }
    for (int i = scope.size(); i >= 0 && ends[i] > 0; i--) {
      String candidate = prefix.substring(0, ends[i]) + "." + name;
      if (byName.containsKey(candidate)) {
        return candidate;
      }
    }
    return byName.containsKey(name) ? name : null;
  }
}
