package dev.stele.cli;

/**
 * The target already holds something else where the dump puts a schema (another id at the same
 * subject and version, or the id taken by another schema): import stops, exit 3, and says where.
 */
final class ImportConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ImportConflictException(String message) {
    super(message);
  }
}
