package dev.stele.serde.rules.cel.internal;

/**
 * Confluent's guard syntax: {@code "<guard>; <body>"} runs the body only when the guard is true
 * (a guard that fails to evaluate counts as false); the rule parameter
 * {@code cel.ignore.guard.separator=true} reads the whole text as one expression.
 *
 * @param guard null when there is none
 */
public record Guarded(String guard, String body) {
  public static final String IGNORE_GUARD_SEPARATOR = "cel.ignore.guard.separator";

  public static Guarded parse(String expression, boolean ignoreSeparator) {
    int semicolon = ignoreSeparator ? -1 : expression.indexOf(';');
    if (semicolon < 0) {
      return new Guarded(null, expression);
    }
    String guard = expression.substring(0, semicolon);
    return new Guarded(guard.isBlank() ? null : guard, expression.substring(semicolon + 1));
  }
}
