package dev.stele.http.auth;

import java.util.Locale;

/**
 * What a caller does to a resource. {@code ADMIN} is changing config and mode (a subject's, or the
 * global ones); reading them is {@code READ}.
 */
public enum Operation {
  READ, WRITE, DELETE, ADMIN;

  /** The lower-case name used in rules files. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
