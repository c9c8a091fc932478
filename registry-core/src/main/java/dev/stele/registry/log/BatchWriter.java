package dev.stele.registry.log;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a store that takes batches off its {@link AppendQueue} and hands them to its
 * {@link BatchSink}, one at a time: each turn takes every append that queued up while the
 * previous batch was being made durable (group commit).
 *
 * <p>Assumption: this is the queue's only taker and the sink's only caller, so a sink may keep
 * its state (next offset, producer) confined to this thread without locks.
 */
public final class BatchWriter implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

  private final AppendQueue queue;
  private final BatchSink sink;
  private final String log;

  /** @param log where the batches go, for the error line (a file, a topic) */
  public BatchWriter(AppendQueue queue, BatchSink sink, String log) {
    this.queue = queue;
    this.sink = sink;
    this.log = log;
  }

  /** Runs a writer on a new daemon thread (an unclosed log must not keep the JVM alive). */
  public static Thread start(AppendQueue queue, BatchSink sink, String log, String threadName) {
    Thread thread = new Thread(new BatchWriter(queue, sink, log), threadName);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    List<PendingAppend> batch = null;
    try {
      while ((batch = queue.take(sink.nextGather())) != null) {
        if (!sink.write(batch)) {
          return;
        }
      }
    } catch (RuntimeException | Error e) {
      // Not a storage failure (the sink fails those batch by batch): a bug, or the process is in
      // trouble. Refuse further appends rather than leave callers waiting on a dead thread.
      LOG.error("The writer of {} stopped; appends fail until restart", log, e);
      if (batch != null) {
        // Completing an append twice has no effect: only those still waiting hear this.
        PendingAppend.failAll(batch, LogException.outcomeUnknown("the writer of " + log
            + " stopped while storing these records (" + e + "); they may be stored"));
      }
      String refusal = "not stored: the writer of " + log + " stopped: " + e;
      PendingAppend.failAll(queue.close(refusal), new LogException(refusal, e));
      if (e instanceof VirtualMachineError fatal) {
        // Out of memory: the server's handler ends the process for a restart (decision 0010)
        // rather than leave a node that refuses every write while it reports ready.
        throw fatal;
      }
    }
  }
}
