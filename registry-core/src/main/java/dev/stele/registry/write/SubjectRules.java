package dev.stele.registry.write;

import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.QualifiedSubject;

/**
 * Which subject names may be written to (../shared/API.md §2.2 step 1). Reads of any name are
 * allowed: they simply find nothing.
 */
public final class SubjectRules {
  private static final String GLOBAL_CONTEXT = ".__GLOBAL";

  private SubjectRules() {}

  /** 42208 unless the subject may hold schemas, config or a mode. */
  public static String requireValid(String subject) {
    if (!isValid(subject)) {
      throw ErrorCode.INVALID_SUBJECT.exception(subject);
    }
    return subject;
  }

  /** Like {@link #requireValid} but also lets the global context scope {@code :.__GLOBAL:} through. */
  public static String requireValidScope(String scope) {
    QualifiedSubject qualified = QualifiedSubject.parse(scope);
    if (qualified.context().equals(GLOBAL_CONTEXT) && qualified.name().isEmpty()) {
      return scope;
    }
    return requireValid(scope);
  }

  public static boolean isValid(String subject) {
    if (subject == null) {
      return false;
    }
    for (int i = 0; i < subject.length(); i++) {
      if (Character.isISOControl(subject.charAt(i))) {
        return false;
      }
    }
    QualifiedSubject qualified = QualifiedSubject.parse(subject);
    String name = qualified.name();
    return !name.equals("__GLOBAL") && !name.equals("__EMPTY")
        && !qualified.context().equals(GLOBAL_CONTEXT);
  }
}
