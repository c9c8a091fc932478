package dev.stele.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The process's one shutdown hook, installed before the server starts, so that SIGTERM at any
 * moment ends it cleanly. Once started, the hook closes the server (requests in flight finish
 * first). While still starting (replaying a long topic, waiting for Kafka), the hook interrupts
 * the start, which then closes whatever it had opened, and waits for that before the JVM exits:
 * a hook added after the start instead failed with "Shutdown in progress" and left the store open.
 */
final class Lifecycle {
  private final Logger log;
  private final Thread starter = Thread.currentThread();
  private final CountDownLatch settled = new CountDownLatch(1);
  private final long abortWaitMillis;
  private volatile SteleServer server;
  private volatile boolean stopping;

  private Lifecycle(Logger log, long abortWaitMillis) {
    this.log = log;
    this.abortWaitMillis = abortWaitMillis;
  }

  /** Installs the hook; call from the thread that then starts the server. */
  static Lifecycle install(Logger log, long abortWaitMillis) {
    Lifecycle lifecycle = new Lifecycle(log, abortWaitMillis);
    Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::stop, "stele-shutdown"));
    return lifecycle;
  }

  /** True once SIGTERM (or System.exit) began the JVM's shutdown. */
  boolean stopping() {
    return stopping;
  }

  void started(SteleServer started) {
    server = started;
    settled.countDown();
  }

  /** The start ended without a server (failed, or interrupted by the hook). */
  void startEnded() {
    settled.countDown();
  }

  private void stop() {
    stopping = true;
    if (server == null) {
      log.info("Stopping Stele while it starts");
      starter.interrupt();
      try {
        if (!settled.await(abortWaitMillis, TimeUnit.MILLISECONDS)) {
          log.warn("The start did not stop within {} ms; exiting anyway", abortWaitMillis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    SteleServer running = server;
    if (running != null) {
      log.info("Stopping Stele");
      running.close();
      log.info("Stele stopped");
    }
  }
}
