package dev.stele.registry.model;

/**
 * A subject name split into its context and local name (../shared/API.md §2.7): {@code :.ctx:name}
 * lives in context {@code .ctx}; anything not starting with {@code :.} lives in the default
 * context {@code .}. {@code :.:name} is the default context spelled out and {@code :.ctx} (no
 * second colon) is the context itself with an empty name, as the Confluent registry reads them.
 */
public record QualifiedSubject(String context, String name) {
  public static final String DEFAULT_CONTEXT = ".";

  public static QualifiedSubject parse(String subject) {
    if (!subject.startsWith(":.")) {
      return new QualifiedSubject(DEFAULT_CONTEXT, subject);
    }
    int end = subject.indexOf(':', 2);
    if (end < 0) {
      return new QualifiedSubject(subject.substring(1), "");
    }
    String context = subject.substring(1, end);
    return new QualifiedSubject(context.equals(".") ? DEFAULT_CONTEXT : context, subject.substring(end + 1));
  }

  /** The context of a subject, without building the record. */
  public static String contextOf(String subject) {
    return subject.startsWith(":.") ? parse(subject).context() : DEFAULT_CONTEXT;
  }

  /**
   * A reference's subject as read from a schema in {@code parentContext}: a name without a
   * context lives in the referrer's context ({@code address-value} referenced from
   * {@code :.ctx:order-value} is {@code :.ctx:address-value}), as the Confluent registry qualifies
   * it; a qualified name stays where it says.
   */
  public static String qualifyWithParent(String subject, String parentContext) {
    if (subject.startsWith(":.")) {
      return parse(subject).qualified();
    }
    return new QualifiedSubject(parentContext, subject).qualified();
  }

  public boolean inDefaultContext() {
    return context.equals(DEFAULT_CONTEXT);
  }

  /** The one spelling under which the subject is stored and listed. */
  public String qualified() {
    return inDefaultContext() ? name : ":" + context + ":" + name;
  }
}
