package dev.stele.http;

import dev.stele.registry.model.ErrorCode;

/**
 * The HTTP status of each of the core's error codes, as the Confluent registry answers them
 * (../shared/API.md §1.2). A switch without a default, so a new code does not compile until it
 * has a status here.
 */
final class HttpStatuses {
  private HttpStatuses() {}

  static int of(ErrorCode code) {
    return switch (code) {
      case SUBJECT_NOT_FOUND, VERSION_NOT_FOUND, SCHEMA_NOT_FOUND, SUBJECT_SOFT_DELETED,
          SUBJECT_NOT_SOFT_DELETED, SCHEMA_VERSION_SOFT_DELETED, SCHEMA_VERSION_NOT_SOFT_DELETED,
          SUBJECT_COMPATIBILITY_NOT_CONFIGURED, SUBJECT_MODE_NOT_CONFIGURED -> 404;
      // The DEK registry answers a key not soft-deleted first with 404, as a subject's.
      case KEY_NOT_FOUND, KEY_NOT_SOFT_DELETED, KEY_SOFT_DELETED -> 404;
      case KEY_ALREADY_EXISTS, TOO_MANY_KEYS -> 409;
      case ASSOCIATION_NOT_FOUND -> 404;
      case ASSOCIATION_FOR_RESOURCE_EXISTS, ASSOCIATION_FOR_SUBJECT_EXISTS,
          STRONG_ASSOCIATION_FOR_SUBJECT_EXISTS, NO_ACTIVE_SUBJECT_VERSION, ASSOCIATION_FROZEN -> 409;
      case INVALID_ASSOCIATION -> 422;
      case INVALID_KEY, KEY_REFERENCE_EXISTS -> 422;
      case DEK_GENERATION -> 500;
      // Confluent 7.9 answers an incompatible registration with error_code 409, not 40901.
      case INCOMPATIBLE_SCHEMA -> 409;
      case INVALID_SCHEMA, INVALID_VERSION, INVALID_MODE, OPERATION_NOT_PERMITTED, REFERENCE_EXISTS,
          SUBJECT_REFERENCED, INVALID_SUBJECT, INVALID_RULE_SET, CONTEXT_NOT_EMPTY -> 422;
      case STORE_ERROR, OPERATION_TIMEOUT, UNKNOWN_LEADER, INTERNAL -> 500;
    };
  }
}
