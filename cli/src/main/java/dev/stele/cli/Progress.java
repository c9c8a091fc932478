package dev.stele.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One progress line on stderr, redrawn in place at most every 200 ms while stderr is a terminal
 * (a log file gets only the final line). Counted from worker threads; drawn by whichever thread
 * passes the time mark, under a lock taken only then.
 */
final class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private final PrintWriter err;
  private final String task;
  private final boolean live;
  private final AtomicLong done = new AtomicLong();
  private final long started = System.nanoTime();
  private volatile long total;
  private volatile long lastDraw;

  Progress(PrintWriter err, String task, long total, boolean quiet) {
    this.err = err;
    this.task = task;
    this.total = total;
    this.live = !quiet && System.console() != null;
  }

  void total(long total) {
    this.total = total;
  }

  void step() {
    done.incrementAndGet();
    long now = System.nanoTime();
    if (live && now - lastDraw > REDRAW_NANOS) {
      synchronized (this) {
        if (now - lastDraw > REDRAW_NANOS) {
          lastDraw = now;
          err.print("\r" + line());
          err.flush();
        }
      }
    }
  }

  long done() {
    return done.get();
  }

  /** The final line, with the time taken; always printed. */
  synchronized void finish(String summary) {
    double seconds = (System.nanoTime() - started) / 1e9;
    err.println((live ? "\r" : "") + task + ": " + summary + String.format(" in %.1f s", seconds));
    err.flush();
  }

  private String line() {
    long count = done.get();
    long all = Math.max(total, count);
    int width = 30;
    int filled = all == 0 ? 0 : (int) (width * count / all);
    return task + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + count + "/" + all;
  }
}
