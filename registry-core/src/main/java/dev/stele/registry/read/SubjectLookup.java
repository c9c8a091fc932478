package dev.stele.registry.read;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.state.RegistryState;
import java.util.function.Predicate;

/**
 * Which stored subject a subject named in a request means (../shared/API.md §2.7, §2.11), in
 * three steps that every {@code Registry} operation on a subject takes in this order:
 * <ol>
 *   <li>spelling: {@code :.:name} is the default context spelled out ({@code name}), and
 *       {@code :.ctx} (no closing colon) is {@code :.ctx:}, as the Confluent registry stores them;
 *   <li>alias: a subject whose own config has an {@code alias} stands for that subject (one step:
 *       an alias of an alias is not followed, as in the Confluent registry);
 *   <li>context fallback, for some reads only: an unqualified subject that the default context
 *       does not answer for is tried as {@code :.ctx:name} in every other context, in name order.
 * </ol>
 * Config and mode routes take only the first step: an alias is a config of the alias subject
 * itself, so those routes must see that subject (docs/decisions/0003).
 */
public final class SubjectLookup {
  private SubjectLookup() {}

  /** Step 1: the one spelling under which the subject is stored. */
  public static String canonical(String subject) {
    if (subject == null || !subject.startsWith(":.")) {
      return subject;
    }
    return QualifiedSubject.parse(subject).qualified();
  }

  /** Steps 1 and 2: the subject a request on {@code subject} operates on. */
  public static String resolve(RegistryState state, String subject) {
    String canonical = canonical(subject);
    Config own = canonical == null ? null : state.config(canonical);
    if (own == null || own.alias() == null || own.alias().isEmpty()) {
      return canonical;
    }
    return canonical(own.alias());
  }

  /**
   * Step 3 after {@link #resolve}: {@code subject} itself when {@code answers} accepts it or it
   * is qualified; otherwise the first {@code :.ctx:subject} that {@code answers} accepts; failing
   * that, {@code subject} again (so that errors name what the client asked for).
   */
  public static String withFallback(RegistryState state, String subject, Predicate<String> answers) {
    if (answers.test(subject) || !isUnqualified(subject)) {
      return subject;
    }
    for (String context : state.contextNames()) {
      if (context.equals(QualifiedSubject.DEFAULT_CONTEXT)) {
        continue;
      }
      String qualified = new QualifiedSubject(context, subject).qualified();
      if (answers.test(qualified)) {
        return qualified;
      }
    }
    return subject;
  }

  /** A named subject of the default context, as a client spells it when it relies on fallback. */
  public static boolean isUnqualified(String subject) {
    return subject != null && !subject.isEmpty() && !subject.startsWith(":.");
  }
}
