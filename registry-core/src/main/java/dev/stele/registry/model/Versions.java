package dev.stele.registry.model;

/** The version path parameter: a number from 1 to 2^31-1, or {@code latest} / {@code -1}. */
public final class Versions {
  public static final int LATEST = -1;

  private Versions() {}

  /** The version number, {@link #LATEST} for the latest; 42202 for anything else. */
  public static int parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.equalsIgnoreCase("latest")) {
      return LATEST;
    }
    try {
      int version = Integer.parseInt(trimmed);
      if (version > 0 || version == LATEST) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below with the text as given
    }
    throw ErrorCode.INVALID_VERSION.exception(text);
  }
}
