package dev.stele.maven;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Subjects as XML element names and file names, as Confluent's plugin spells them: a percent-encoded
 * subject with {@code _x} for {@code %} (XML names cannot hold {@code %}, {@code /} or {@code :}),
 * e.g. {@code <orders_x2Dvalue>}... or {@code _x3A.ctx_x3A} for {@code :.ctx:}.
 */
final class SubjectNames {
  private static final String PERCENT = "_x";

  private SubjectNames() {}

  /** An element name back to its subject; a name that is not such an encoding stays as it is. */
  static String decode(String name) {
    if (!name.contains(PERCENT)) {
      return name;
    }
    try {
      return URLDecoder.decode(name.replace(PERCENT, "%"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // "_x" that is not followed by two hex digits is part of the name itself.
      return name;
    }
  }

  /** A subject as a file name: percent-encoded, {@code _x} for {@code %}. */
  static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("%", PERCENT);
  }
}
