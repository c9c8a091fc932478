package dev.stele.http.auth;

import java.util.Objects;

/**
 * What a rule protects: one subject (by its name as the API spells it, qualified with its context
 * when not in the default one), one key encryption key of the DEK registry, or the global config
 * and mode.
 *
 * @param subject the subject's name; null for the global resource and for a KEK
 * @param kek the KEK's name; null unless the resource is a KEK
 */
public record Resource(String subject, String kek) {
  public static final Resource GLOBAL = new Resource(null, null);

  public static Resource subject(String name) {
    return new Resource(Objects.requireNonNull(name, "name"), null);
  }

  /** A KEK of the DEK registry ({@code kek:NAME} in rules). */
  public static Resource kek(String name) {
    return new Resource(null, Objects.requireNonNull(name, "name"));
  }

  public boolean isGlobal() {
    return subject == null && kek == null;
  }

  public boolean isSubject() {
    return subject != null;
  }

  public boolean isKek() {
    return kek != null;
  }

  @Override
  public String toString() {
    if (isKek()) {
      return "KEK '" + kek + "'";
    }
    return isGlobal() ? "the global config and mode" : "subject '" + subject + "'";
  }
}
