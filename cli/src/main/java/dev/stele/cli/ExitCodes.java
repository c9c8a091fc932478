package dev.stele.cli;

/**
 * What {@code stele} returns, documented in the README ("Command-line tool"): a CI job branches
 * on these, so a number never changes its meaning.
 */
public final class ExitCodes {
  /** Done; for check and diff: compatible. */
  public static final int OK = 0;
  /** check and diff: incompatible; migrate: the target does not match the source after import. */
  public static final int INCOMPATIBLE = 1;
  /** Bad options, a file that cannot be read or parsed, a bad client config. */
  public static final int USAGE = 2;
  /** The registry answered with an error (its {@code error_code} is printed), or import met a conflict. */
  public static final int REGISTRY_ERROR = 3;
  /** The registry could not be reached (after the client's retries and failover). */
  public static final int UNREACHABLE = 4;
  /** A bug: the stack trace is printed. */
  public static final int INTERNAL = 5;

  private ExitCodes() {}
}
