package dev.stele.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when an OutOfMemoryError (or another VirtualMachineError) escapes a thread
 * (decision 0010). Request threads never let one escape: the route table and Vert.x's workers
 * catch it and the client gets a 503, so a request does not end the process. The threads that
 * let it escape are the ones that keep the registry's state (the writer, the log's writer and
 * reader): one may have stopped halfway through updating it, and a node that carried on could
 * hand out wrong ids or stop following the log while it still reports ready. So the process
 * ends, with the status {@code -XX:+ExitOnOutOfMemoryError} uses (3), for the supervisor to
 * restart it; replaying the log rebuilds a correct state.
 */
final class FatalErrors {
  /** The JVM's own status for -XX:+ExitOnOutOfMemoryError: supervisors may already know it. */
  static final int STATUS = 3;

  private FatalErrors() {}

  /** Installs the handler for every thread that has none of its own. */
  static void install() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
      if (failure instanceof VirtualMachineError) {
        halt(thread, failure);
      } else if (previous != null) {
        previous.uncaughtException(thread, failure);
      } else {
        thread.getThreadGroup().uncaughtException(thread, failure);
      }
    });
  }

  private static void halt(Thread thread, Throwable failure) {
    try {
      Logger log = LoggerFactory.getLogger(FatalErrors.class);
      log.error("{} in thread {}, which keeps the registry's state: stopping the process (status"
          + " {}) so that it restarts from the log; give it a larger heap (-Xmx) if this repeats",
          failure, thread.getName(), STATUS);
    } catch (Throwable ignored) {
      // Logging needs memory too; halting matters more than the line.
    } finally {
      // halt, not exit: shutdown hooks would run against the state this thread left halfway.
      Runtime.getRuntime().halt(STATUS);
    }
  }
}
