package dev.stele.registry.model;

/**
 * The start of a text a client sent, for quoting it back in an error message. A refusal that
 * echoed the whole request once answered with 639 KB (issue #17): enough to recognise the
 * request is all a message needs, and the rest is counted instead of shown.
 */
public final class Excerpt {
  /** How much of a schema, or of any other part of a request, an error message quotes. */
  public static final int QUOTED = 200;

  private Excerpt() {}

  /** The first {@link #QUOTED} characters, then {@code ...(N more characters)}. */
  public static String of(String text) {
    return of(text, QUOTED);
  }

  /** The first {@code max} characters (never half a surrogate pair), then how many are left. */
  public static String of(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    int rest = text.length() - end;
    return text.substring(0, end) + "...(" + rest + (rest == 1 ? " more character)" : " more characters)");
  }
}
