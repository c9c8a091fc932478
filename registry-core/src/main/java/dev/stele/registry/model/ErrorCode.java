package dev.stele.registry.model;

/**
 * Every error the registry core reports, with the Confluent registry's error code
 * (../shared/API.md §1.2) and the message format used with {@link String#format}. HTTP statuses,
 * and the errors only the HTTP edge raises (a malformed request, a caller refused, a failed
 * forward), live in registry-http.
 */
public enum ErrorCode {
  SUBJECT_NOT_FOUND(40401, "Subject '%s' not found."),
  VERSION_NOT_FOUND(40402, "Version %s not found."),
  SCHEMA_NOT_FOUND(40403, "%s"),
  SUBJECT_SOFT_DELETED(40404,
      "Subject '%s' was soft deleted.Set permanent=true to delete permanently"),
  SUBJECT_NOT_SOFT_DELETED(40405,
      "Subject '%s' was not deleted first before being permanently deleted"),
  SCHEMA_VERSION_SOFT_DELETED(40406,
      "Subject '%s' Version %s was soft deleted.Set permanent=true to delete permanently"),
  SCHEMA_VERSION_NOT_SOFT_DELETED(40407,
      "Subject '%s' Version %s was not deleted first before being permanently deleted"),
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED(40408,
      "Subject '%s' does not have subject-level compatibility configured"),
  SUBJECT_MODE_NOT_CONFIGURED(40409,
      "Subject '%s' does not have subject-level mode configured"),
  ASSOCIATION_NOT_FOUND(40410, "Association for '%s' not found."),
  // Confluent 8.x's association codes (40906 is unused there too).
  ASSOCIATION_FOR_RESOURCE_EXISTS(40903, "An association of type '%s' already exists for resource '%s'"),
  ASSOCIATION_FOR_SUBJECT_EXISTS(40904, "An association already exists for subject '%s'"),
  STRONG_ASSOCIATION_FOR_SUBJECT_EXISTS(40905, "A strong association already exists for subject '%s'"),
  NO_ACTIVE_SUBJECT_VERSION(40907, "No active (non-deleted) version exists for subject '%s'"),
  /** Two spaces after "type", as Confluent's format has them. */
  ASSOCIATION_FROZEN(40908, "The association of type  '%s' is frozen for subject '%s'"),
  INVALID_ASSOCIATION(42212,
      "The association specified an invalid value for property: '%s', detail: %s"),
  INCOMPATIBLE_SCHEMA(409,
      "Schema being registered is incompatible with an earlier schema for subject \"%s\", details: %s"),
  INVALID_SCHEMA(42201, "%s"),
  INVALID_VERSION(42202,
      "The specified version '%s' is not a valid version id. Allowed values are between [1, 2^31-1]"
          + " and the string \"latest\""),
  INVALID_MODE(42204, "%s"),
  OPERATION_NOT_PERMITTED(42205, "%s"),
  /** Quotes the referenced version as the Confluent registry's SCHEMA key prints itself. */
  REFERENCE_EXISTS(42206,
      "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=%s,version=%s}."),
  /** A STRONG association asked for a subject that a schema references: Confluent names the subject. */
  SUBJECT_REFERENCED(42206, "One or more references exist to the schema %s."),
  INVALID_SUBJECT(42208, "The specified subject '%s' is not a valid."),
  INVALID_RULE_SET(42210, "%s"),
  CONTEXT_NOT_EMPTY(42211, "The specified context '%s' is not empty."),
  // The DEK registry's codes (Confluent's DekRegistryErrors).
  KEY_NOT_FOUND(40470, "Key '%s' not found"),
  KEY_NOT_SOFT_DELETED(40471, "Key '%s' was not deleted first before being permanently deleted"),
  KEY_SOFT_DELETED(40472, "Key '%s' must be undeleted first"),
  KEY_ALREADY_EXISTS(40971, "Key '%s' already exists; use a different value"),
  TOO_MANY_KEYS(40972, "A maximum of %d keys already exist"),
  INVALID_KEY(42271, "Invalid or missing value for field '%s' of key"),
  KEY_REFERENCE_EXISTS(42272, "One or more references exist to the key '%s'"),
  DEK_GENERATION(50070, "%s"),
  STORE_ERROR(50001, "%s"),
  OPERATION_TIMEOUT(50002, "%s"),
  UNKNOWN_LEADER(50004, "Leader not known."),
  INTERNAL(500, "%s");

  private final int code;
  private final String format;

  ErrorCode(int code, String format) {
    this.code = code;
    this.format = format;
  }

  public int code() {
    return code;
  }

  /** An exception carrying this code and its message filled with {@code args}. */
  public RegistryException exception(Object... args) {
    return new RegistryException(this, String.format(format, args));
  }
}
