package dev.stele.http.auth;

import java.util.Objects;

/**
 * What a rule protects: one subject (by its name as the API spells it, qualified with its context
 * when not in the default one) or the global config and mode.
 *
 * @param subject the subject's name; null for the global resource
 */
public record Resource(String subject) {
  public static final Resource GLOBAL = new Resource(null);

  public static Resource subject(String name) {
    return new Resource(Objects.requireNonNull(name, "name"));
  }

  public boolean isGlobal() {
    return subject == null;
  }

  @Override
  public String toString() {
    return isGlobal() ? "the global config and mode" : "subject '" + subject + "'";
  }
}
