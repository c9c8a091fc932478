package dev.stele.registry.model;

import java.util.Objects;

/**
 * A submitted schema that does not parse, resolve or normalize (42201). It carries the
 * submission and the format's reason; the HTTP edge words it as the Confluent registry does,
 * quoting the whole request. The exception's own message is short, for logs and the core's tests.
 *
 * @param withReferences whether the wording names the references and type ({@code with refs
 *     [...] of type T}): the Confluent registry leaves that part out for a schema that parsed but
 *     failed a later step
 */
public final class SchemaRejectedException extends RegistryException {
  private final Submission submission;
  private final String schemaType;
  private final String details;
  private final boolean withReferences;

  public SchemaRejectedException(Submission submission, String schemaType, String details,
      boolean withReferences) {
    super(ErrorCode.INVALID_SCHEMA, "Invalid " + schemaType + " schema for subject " + submission.subject()
        + ": " + details);
    this.submission = Objects.requireNonNull(submission, "submission");
    this.schemaType = schemaType;
    this.details = details;
    this.withReferences = withReferences;
  }

  public Submission submission() {
    return submission;
  }

  public String schemaType() {
    return schemaType;
  }

  public String details() {
    return details;
  }

  public boolean withReferences() {
    return withReferences;
  }
}
