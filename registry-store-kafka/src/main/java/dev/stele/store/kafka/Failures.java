package dev.stele.store.kafka;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.PendingAppend;
import java.util.List;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;

/** Failing appends, and telling fencing apart from other producer errors. */
final class Failures {
  private Failures() {}

  /** Fails every append with a LogException saying their records may still be stored. */
  static void failUnknown(List<PendingAppend> appends, String message) {
    if (!appends.isEmpty()) {
      PendingAppend.failAll(appends, LogException.outcomeUnknown(message));
    }
  }

  /** Fails every append with one LogException carrying {@code message}. */
  static void fail(List<PendingAppend> appends, String message) {
    if (!appends.isEmpty()) {
      PendingAppend.failAll(appends, new LogException(message));
    }
  }

  /**
   * Fails every append, none of which was stored, because this node's term as the writer ended
   * (fenced, or its transaction ended by Kafka): the next leader may decide them again.
   */
  static void failTermEnded(List<PendingAppend> appends, String message) {
    if (!appends.isEmpty()) {
      PendingAppend.failAll(appends, LogException.termEnded(message));
    }
  }

  /**
   * An error's message with those of its causes: the producer's "in an error state" says little
   * without the error it is in.
   */
  static String reasons(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable t = error.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      text.append(": ").append(t.getMessage());
    }
    return text.toString();
  }

  /**
   * Whether a newer writer of the same transactional id fenced this producer. After a fatal error
   * the producer wraps it ("in an error state"), hence the walk down the causes.
   */
  static boolean isFenced(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ProducerFencedException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether Kafka's transaction coordinator refused this producer's transaction as no longer
   * open (INVALID_TXN_STATE): the coordinator aborted it, on its own or because another producer
   * of the same transactional id registered (with transactions version 2, Kafka 4.x, a commit
   * that races such an abort gets this instead of PRODUCER_FENCED; KAFKA-20785). Either way the
   * transaction is rolled back, and the producer is in a fatal state.
   */
  static boolean isTransactionLost(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof InvalidTxnStateException) {
        return true;
      }
    }
    return false;
  }
}
