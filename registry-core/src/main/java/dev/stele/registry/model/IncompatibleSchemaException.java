package dev.stele.registry.model;

import java.util.Objects;

/**
 * A registration refused as incompatible (409). It carries the typed outcome of the check, not
 * its wording: the HTTP edge renders the Confluent registry's message from {@link #result()}.
 * The exception's own message is the first sentence only, for logs and the core's tests.
 */
public final class IncompatibleSchemaException extends RegistryException {
  private final String subject;
  private final Results.Compatibility result;

  public IncompatibleSchemaException(String subject, Results.Compatibility result) {
    super(ErrorCode.INCOMPATIBLE_SCHEMA,
        "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\"");
    this.subject = subject;
    this.result = Objects.requireNonNull(result, "result");
  }

  public String subject() {
    return subject;
  }

  public Results.Compatibility result() {
    return result;
  }
}
