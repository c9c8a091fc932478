package dev.stele.format.protobuf.model;

import dev.stele.format.protobuf.model.Proto.Option;
import dev.stele.format.protobuf.model.Proto.OptionKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks options up by name the way the Confluent registry does: an option may be written whole
 * ({@code (confluent.field_meta) = { doc: "x" }}) or a part at a time
 * ({@code (confluent.field_meta).doc = "x"}); the parts of one name merge into one map.
 */
public final class Options {
  private Options() {}

  /** All options merged by name (leading dot dropped), in first-seen order. */
  public static Map<String, Option> merged(List<Option> options) {
    Map<String, Option> out = new LinkedHashMap<>();
    for (Option option : options) {
      String name = option.name().startsWith(".") ? option.name().substring(1) : option.name();
      Option value = asMap(option);
      out.merge(name, value, Options::merge);
    }
    return out;
  }

  /** The option of that name, merged, or null. */
  public static Option find(String name, List<Option> options) {
    if (options.isEmpty()) {
      return null;
    }
    return merged(options).get(name);
  }

  /** The option's value as text (for STRING, BOOLEAN, NUMBER and ENUM options), or null. */
  public static String text(String name, List<Option> options) {
    Option option = find(name, options);
    return option == null || !(option.value() instanceof String s) ? null : s;
  }

  public static Boolean bool(String name, List<Option> options) {
    String text = text(name, options);
    return text == null ? null : Boolean.valueOf(text);
  }

  public static boolean isMapEntry(List<Option> options) {
    return Boolean.TRUE.equals(bool("map_entry", options));
  }

  /** {@code (a).b = v} read as {@code (a) = { b: v }}, so that the parts can merge. */
  static Option asMap(Option option) {
    if (option.kind() != OptionKind.OPTION) {
      return option;
    }
    return new Option(option.name(), OptionKind.MAP, innerMap((Option) option.value()),
        option.parenthesized());
  }

  private static Map<String, Object> innerMap(Option inner) {
    Object value = switch (inner.kind()) {
      case BOOLEAN, ENUM, NUMBER -> new Proto.Primitive(inner.kind(), (String) inner.value());
      case OPTION -> innerMap((Option) inner.value());
      default -> inner.value();
    };
    return Collections.singletonMap(inner.name(), value);
  }

  @SuppressWarnings("unchecked")
  private static Option merge(Option existing, Option replacement) {
    if (existing.kind() != OptionKind.MAP || replacement.kind() != OptionKind.MAP) {
      return replacement;
    }
    Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) existing.value());
    for (Map.Entry<String, Object> e : ((Map<String, Object>) replacement.value()).entrySet()) {
      merged.merge(e.getKey(), e.getValue(), Options::union);
    }
    return new Option(replacement.name(), OptionKind.MAP, Collections.unmodifiableMap(merged),
        replacement.parenthesized());
  }

  /** Two values of one repeated key: both kept, duplicates once. */
  private static Object union(Object a, Object b) {
    Set<Object> all = new LinkedHashSet<>();
    addAll(all, a);
    addAll(all, b);
    return List.copyOf(new ArrayList<>(all));
  }

  private static void addAll(Set<Object> into, Object value) {
    if (value instanceof List<?> list) {
      into.addAll(list);
    } else {
      into.add(value);
    }
  }
}
