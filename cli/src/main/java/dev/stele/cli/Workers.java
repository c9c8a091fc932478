package dev.stele.cli;

import dev.stele.client.RestClientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The worker threads of export and import: the registry batches concurrent writes into one
 * commit and answers reads concurrently, so a handful of requests in flight is most of the speed.
 */
final class Workers {
  private Workers() {}

  /** Daemon threads, so a failure on the main thread ends the tool without waiting for them. */
  static ExecutorService pool(int threads) {
    if (threads < 1) {
      throw new UsageException("--parallel must be at least 1");
    }
    return Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "stele-worker");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The task's result, its failure rethrown as itself (a registry error stays a registry error). */
  static <T> T await(Future<T> future) throws IOException, RestClientException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RestClientException rest) {
        throw rest;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }
}
