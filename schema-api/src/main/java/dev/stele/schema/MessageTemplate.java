package dev.stele.schema;

/**
 * The one filler of {@link IncompatibilityKind} templates. It replaces placeholders in a single
 * pass, so text inside a value (a path or an exception message holding braces) is never expanded
 * again, and leaves every other brace as it is.
 */
final class MessageTemplate {
  private MessageTemplate() {}

  static String fill(String template, Incompatibility found) {
    StringBuilder out = new StringBuilder(template.length() + found.location().length() + 32);
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        out.append(template, at, template.length());
        break;
      }
      out.append(template, at, open);
      int end = open + 1;
      while (end < template.length() && Character.isLetter(template.charAt(end))) {
        end++;
      }
      String value = end < template.length() && template.charAt(end) == '}'
          ? value(template.substring(open + 1, end), found) : null;
      if (value == null) {
        out.append('{');
        at = open + 1;
      } else {
        out.append(value);
        at = end + 1;
      }
    }
    return out.toString();
  }

  /** The placeholder's value, or null when the name is no placeholder. */
  private static String value(String name, Incompatibility found) {
    return switch (name) {
      case "pointer" -> found.location();
      case "hashPath" -> JsonPointer.hashPath(found.location());
      case "reader" -> found.roles().readerWord();
      case "writer" -> found.roles().writerWord();
      case "info" -> found.detail();
      default -> null;
    };
  }
}
