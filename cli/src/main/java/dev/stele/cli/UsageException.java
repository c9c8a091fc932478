package dev.stele.cli;

/** The user's input is wrong (a file, a value): printed as is, exit code {@link ExitCodes#USAGE}. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
