package dev.stele.registry.model;

/**
 * Every error the registry reports, with the HTTP status and error code of the Confluent registry
 * (../shared/API.md §1.2) and the message format used with {@link String#format}.
 */
public enum ErrorCode {
  BAD_REQUEST(400, 400, "%s"),
  UNAUTHORIZED(401, 401, "%s"),
  FORBIDDEN(403, 403, "%s"),
  NOT_FOUND(404, 404, "HTTP 404 Not Found"),
  METHOD_NOT_ALLOWED(405, 405, "HTTP 405 Method Not Allowed"),
  NOT_ACCEPTABLE(406, 406, "HTTP 406 Not Acceptable"),
  PAYLOAD_TOO_LARGE(413, 413, "%s"),
  UNSUPPORTED_MEDIA_TYPE(415, 415, "HTTP 415 Unsupported Media Type"),
  UNPROCESSABLE(422, 422, "%s"),
  SUBJECT_NOT_FOUND(404, 40401, "Subject '%s' not found."),
  VERSION_NOT_FOUND(404, 40402, "Version %s not found."),
  SCHEMA_NOT_FOUND(404, 40403, "%s"),
  SUBJECT_SOFT_DELETED(404, 40404,
      "Subject '%s' was soft deleted.Set permanent=true to delete permanently"),
  SUBJECT_NOT_SOFT_DELETED(404, 40405,
      "Subject '%s' was not deleted first before being permanently deleted"),
  SCHEMA_VERSION_SOFT_DELETED(404, 40406,
      "Subject '%s' Version %s was soft deleted.Set permanent=true to delete permanently"),
  SCHEMA_VERSION_NOT_SOFT_DELETED(404, 40407,
      "Subject '%s' Version %s was not deleted first before being permanently deleted"),
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED(404, 40408,
      "Subject '%s' does not have subject-level compatibility configured"),
  SUBJECT_MODE_NOT_CONFIGURED(404, 40409,
      "Subject '%s' does not have subject-level mode configured"),
  /** Confluent 7.9 answers an incompatible registration with error_code 409, not 40901. */
  INCOMPATIBLE_SCHEMA(409, 409,
      "Schema being registered is incompatible with an earlier schema for subject \"%s\", details: %s"),
  INVALID_SCHEMA(422, 42201, "%s"),
  INVALID_VERSION(422, 42202,
      "The specified version '%s' is not a valid version id. Allowed values are between [1, 2^31-1]"
          + " and the string \"latest\""),
  INVALID_COMPATIBILITY_LEVEL(422, 42203,
      "Invalid compatibility level. Valid values are none, backward, forward, full,"
          + " backward_transitive, forward_transitive, and full_transitive"),
  INVALID_MODE(422, 42204, "%s"),
  OPERATION_NOT_PERMITTED(422, 42205, "%s"),
  /** Quotes the referenced version as the Confluent registry's SCHEMA key prints itself. */
  REFERENCE_EXISTS(422, 42206,
      "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=%s,version=%s}."),
  ID_DOES_NOT_MATCH(422, 42207, "%s"),
  INVALID_SUBJECT(422, 42208, "The specified subject '%s' is not a valid."),
  SCHEMA_TOO_LARGE(422, 42209, "Register operation failed because schema is too large"),
  INVALID_RULESET(422, 42210, "%s"),
  CONTEXT_NOT_EMPTY(422, 42211, "The specified context '%s' is not empty."),
  STORE_ERROR(500, 50001, "%s"),
  OPERATION_TIMEOUT(500, 50002, "%s"),
  REQUEST_FORWARDING_FAILED(500, 50003, "%s"),
  UNKNOWN_LEADER(500, 50004, "Leader not known."),
  INTERNAL(500, 500, "%s"),
  SERVICE_UNAVAILABLE(503, 503, "%s"),
  GATEWAY_TIMEOUT(504, 504, "%s");

  private final int httpStatus;
  private final int code;
  private final String format;

  ErrorCode(int httpStatus, int code, String format) {
    this.httpStatus = httpStatus;
    this.code = code;
    this.format = format;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int code() {
    return code;
  }

  /** An exception carrying this code and its message filled with {@code args}. */
  public RegistryException exception(Object... args) {
    return new RegistryException(this, String.format(format, args));
  }
}
