package dev.stele.registry;

import dev.stele.registry.cluster.LeaderElector;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.write.Writer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows an elector's results: when this node is elected it makes the log's writer its own
 * (fencing the previous leader) and only then starts the core's {@link Writer}, from the state
 * the log delivered; when leadership moves on it stops both. The changes run in order on one
 * thread of their own, so a slow takeover never holds up the elector's thread.
 */
final class NodeLeadership implements Leadership, LeaderElector.Listener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLeadership.class);
  /** Between tries to take the log over while still elected (Kafka away, a slow coordinator). */
  private static final long RETRY_MILLIS = 1000;

  private final RecordLog log;
  private final Writer writer;
  private final ExecutorService changes = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "stele-leadership");
    t.setDaemon(true);
    return t;
  });
  private volatile LeaderElector elector;
  private volatile NodeIdentity self;
  private volatile NodeIdentity leader; // null: none known
  private volatile boolean elected; // the last result named this node
  private volatile boolean writing; // log taken over and writer active
  private volatile boolean known; // some result arrived
  private volatile boolean closed;
  /** Set by {@link #handOver}: this node takes no new write while it passes leadership on. */
  private volatile boolean handingOver;
  private final AtomicInteger localWrites = new AtomicInteger();
  private volatile Duration leaderWait = Duration.ZERO;

  NodeLeadership(RecordLog log, Writer writer) {
    this.log = log;
    this.writer = writer;
  }

  void start(LeaderElector elector, NodeIdentity self, Duration leaderWait) {
    this.elector = elector;
    this.self = self;
    this.leaderWait = leaderWait;
    elector.start(self, this);
  }

  /**
   * Passes leadership on before this node stops, so that no write fails for the move: new
   * writes wait (the HTTP layer holds them while no leader is known), the writes being decided
   * here finish, then the elector resigns and the others elect a leader while this node still
   * learns who, so the writes it held go there. Each wait is bounded by {@code max}.
   */
  void handOver(Duration max) {
    if (!elected || elector == null) {
      return;
    }
    long deadline = System.nanoTime() + max.toNanos();
    handingOver = true;
    while (localWrites.get() > 0 && System.nanoTime() < deadline) {
      pause(10);
    }
    LOG.info("Handing leadership over before stopping ({} writes still being decided)",
        localWrites.get());
    elector.resign();
    while (leader == self && System.nanoTime() < deadline) {
      pause(20);
    }
    NodeIdentity now = leader;
    LOG.info("Leadership handed over: {}", now == null ? "no leader known yet" : now.url());
  }

  @Override
  public synchronized void elected() {
    known = true;
    leader = self;
    if (elected) {
      // Re-elected after a rebalance: the writer keeps running, unless the log lost its term
      // meanwhile (fenced by a node that led in between): then take over anew.
      changes.execute(() -> {
        if (writing && !log.writing()) {
          LOG.warn("Re-elected, but this node's writer was fenced meanwhile: taking over again");
          writing = false;
          writer.deactivate();
          takeOver();
        }
      });
      return;
    }
    elected = true;
    changes.execute(this::takeOver);
  }

  @Override
  public synchronized void following(NodeIdentity other) {
    known = true;
    leader = other;
    stepDown("following " + other.url());
  }

  @Override
  public synchronized void leaderUnknown() {
    known = true;
    leader = null;
    stepDown("no leader known");
  }

  private void stepDown(String why) {
    if (!elected) {
      return;
    }
    elected = false;
    writing = false;
    writer.deactivate(); // at once: no command is decided from now on
    changes.execute(() -> {
      writing = false;
      writer.deactivate(); // again: a takeover that finished after the first one activated it
      log.stopWriting();
      LOG.info("No longer the leader ({})", why);
    });
  }

  /** Takes the log over and starts the writer, retrying while this node is still elected. */
  private void takeOver() {
    long started = System.nanoTime();
    while (stillElected() && !closed) {
      try {
        log.becomeWriter();
        writer.activate().get(30, TimeUnit.SECONDS);
        if (!stillElected()) {
          return; // a later result runs next on this thread and undoes it
        }
        writing = true;
        LOG.info("This node leads: writing after {} ms", (System.nanoTime() - started) / 1_000_000);
        return;
      } catch (Exception e) {
        LOG.warn("Cannot take over the log as leader yet: {}; retrying", e.getMessage());
        sleep();
      }
    }
  }

  private boolean stillElected() {
    return elected && leader == self;
  }

  @Override
  public boolean leads() {
    return elected && !handingOver;
  }

  @Override
  public Optional<NodeIdentity> leader() {
    NodeIdentity now = leader;
    // While handing over this node is not where writes go, and the next leader is not known yet.
    return handingOver && now == self ? Optional.empty() : Optional.ofNullable(now);
  }

  @Override
  public Duration leaderWait() {
    return leaderWait;
  }

  @Override
  public void writeStarted() {
    localWrites.incrementAndGet();
  }

  @Override
  public void writeDone() {
    localWrites.decrementAndGet();
  }

  @Override
  public boolean ready() {
    return known && (!elected || writing);
  }

  @Override
  public void close() {
    closed = true;
    LeaderElector e = elector;
    if (e != null) {
      e.close();
    }
    writer.deactivate();
    changes.shutdownNow();
    try {
      changes.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep() {
    pause(RETRY_MILLIS);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
