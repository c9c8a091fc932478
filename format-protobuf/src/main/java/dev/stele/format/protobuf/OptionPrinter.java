package dev.stele.format.protobuf;

import dev.stele.format.protobuf.model.Proto.Option;
import dev.stele.format.protobuf.model.Proto.OptionKind;
import dev.stele.format.protobuf.model.Proto.Primitive;
import java.util.List;
import java.util.Map;

/**
 * Prints option values in the Confluent registry's layout: one option inline in brackets, several
 * one per line, aggregates ({@code { tags: [ "PII" ] }}) spread over indented lines.
 */
final class OptionPrinter {
  private OptionPrinter() {}

  /** {@code option name = value;} and a newline, as a statement in a file, message or enum. */
  static String statement(Option option) {
    return "option " + option(option) + ";\n";
  }

  /** Options after a field or enum constant: {@code [a = 1]} or {@code [\n  a = 1,\n  b = 2\n]}. */
  static void appendBracketed(StringBuilder out, List<Option> options) {
    if (options.size() == 1) {
      out.append('[').append(option(options.get(0))).append(']');
      return;
    }
    out.append("[\n");
    for (int i = 0; i < options.size(); i++) {
      String separator = i < options.size() - 1 ? "," : "";
      appendIndented(out, option(options.get(i)) + separator);
    }
    out.append(']');
  }

  static String option(Option option) {
    StringBuilder out = new StringBuilder();
    out.append(option.parenthesized() ? "(" + option.name() + ")" : option.name());
    switch (option.kind()) {
      case STRING -> out.append(" = \"").append(escape((String) option.value())).append('"');
      case BOOLEAN, NUMBER, ENUM -> out.append(" = ").append(option.value());
      // A nested part never takes parentheses of its own: (a).b, not (a).(b).
      case OPTION -> out.append('.').append(option(unparenthesized((Option) option.value())));
      case MAP -> {
        out.append(" = {\n");
        appendMap(out, (Map<?, ?>) option.value());
        out.append('}');
      }
      case LIST -> out.append(" = ").append(value(option.value()));
      default -> throw new IllegalStateException("option kind " + option.kind());
    }
    return out.toString();
  }

  private static Option unparenthesized(Option option) {
    return new Option(option.name(), option.kind(), option.value(), false);
  }

  private static void appendMap(StringBuilder out, Map<?, ?> map) {
    int index = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String separator = index < map.size() - 1 ? "," : "";
      appendIndented(out, e.getKey() + ": " + value(e.getValue()) + separator);
      index++;
    }
  }

  private static String value(Object value) {
    if (value instanceof String s) {
      return "\"" + escape(s) + "\"";
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{\n");
      appendMap(out, map);
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[\n");
      for (int i = 0; i < list.size(); i++) {
        String separator = i < list.size() - 1 ? "," : "";
        appendIndented(out, value(list.get(i)) + separator);
      }
      return out.append(']').toString();
    }
    if (value instanceof Primitive p) {
      return p.kind() == OptionKind.STRING ? value(p.value()) : p.value();
    }
    if (value instanceof Option o) {
      return "{\n  " + option(o) + "\n}";
    }
    return String.valueOf(value);
  }

  /**
   * Each line of {@code text} indented by two spaces. A blank line inside the text becomes two
   * spaces and trailing blank lines vanish: Confluent splits lines this way, and the canonical
   * text (hence the schema's identity) depends on it.
   */
  static void appendIndented(StringBuilder out, String text) {
    for (String line : text.split("\n")) {
      out.append("  ").append(line).append('\n');
    }
  }

  /** Protobuf's string escapes for the characters that cannot stand inside quotes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case 7 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 11 -> out.append("\\v");
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
