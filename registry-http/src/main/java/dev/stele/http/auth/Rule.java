package dev.stele.http.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code allow} line: who, which operations, on what. Rules only grant; what no rule grants is
 * denied.
 *
 * @param who {@code user:NAME}, {@code role:NAME} or {@code *} (any signed-in caller)
 * @param operations the operations granted
 * @param target {@code global}, {@code subject:NAME}, {@code subject:PREFIX*},
 *     {@code subject-regex:REGEX} (the whole name must match), or a KEK of the DEK registry:
 *     {@code kek:NAME} or {@code kek:PREFIX*}
 */
public record Rule(String who, Set<Operation> operations, String target) {
  private static final String SUBJECT = "subject:";
  private static final String SUBJECT_REGEX = "subject-regex:";
  private static final String KEK = "kek:";

  public Rule {
    operations = Set.copyOf(operations);
    if (!who.equals("*") && !(who.startsWith("user:") && who.length() > 5)
        && !(who.startsWith("role:") && who.length() > 5)) {
      throw new IllegalArgumentException("'" + who + "' is not user:NAME, role:NAME or *");
    }
    if (target.startsWith(KEK) && target.length() == KEK.length()) {
      throw new IllegalArgumentException("'" + target + "' names no KEK; use kek:NAME or kek:PREFIX*");
    }
    if (!target.equals("global") && !target.startsWith(SUBJECT) && !target.startsWith(KEK)) {
      if (!target.startsWith(SUBJECT_REGEX)) {
        throw new IllegalArgumentException("'" + target + "' is not global, subject:NAME,"
            + " subject:PREFIX*, subject-regex:REGEX, kek:NAME or kek:PREFIX*");
      }
      try {
        Pattern.compile(target.substring(SUBJECT_REGEX.length()));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("bad regular expression in '" + target + "': "
            + e.getDescription(), e);
      }
    }
  }

  /** Parses {@code read,write} or {@code all}. */
  public static Set<Operation> operations(String text) {
    Set<Operation> found = EnumSet.noneOf(Operation.class);
    for (String word : text.split(",")) {
      String name = word.trim().toUpperCase(Locale.ROOT);
      if (name.equals("ALL")) {
        found.addAll(EnumSet.allOf(Operation.class));
        continue;
      }
      try {
        found.add(Operation.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + word + "' is not an operation; use read, write,"
            + " delete, admin or all", e);
      }
    }
    return found;
  }

  boolean appliesTo(Principal principal) {
    if (who.equals("*")) {
      return true;
    }
    String name = who.substring(5);
    return who.startsWith("user:") ? name.equals(principal.name()) : principal.roles().contains(name);
  }

  /** Compiled once per rule: the matcher for its target. */
  Matcher matcher() {
    if (target.equals("global")) {
      return Resource::isGlobal;
    }
    if (target.startsWith(SUBJECT_REGEX)) {
      Pattern pattern = Pattern.compile(target.substring(SUBJECT_REGEX.length()));
      return r -> r.isSubject() && pattern.matcher(r.subject()).matches();
    }
    if (target.startsWith(KEK)) {
      String kek = target.substring(KEK.length());
      if (kek.endsWith("*")) {
        String prefix = kek.substring(0, kek.length() - 1);
        return r -> r.isKek() && r.kek().startsWith(prefix);
      }
      return r -> r.isKek() && r.kek().equals(kek);
    }
    String name = target.substring(SUBJECT.length());
    if (name.endsWith("*")) {
      String prefix = name.substring(0, name.length() - 1);
      return r -> r.isSubject() && r.subject().startsWith(prefix);
    }
    return r -> r.isSubject() && r.subject().equals(name);
  }

  /** Whether the rule covers every subject (then listings need no filtering). */
  boolean coversEverySubject() {
    return target.equals(SUBJECT + "*") || target.equals(SUBJECT_REGEX + ".*");
  }

  @FunctionalInterface
  interface Matcher {
    boolean matches(Resource resource);
  }
}
