package dev.stele.registry;

import dev.stele.registry.cluster.LeaderElector;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.write.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
  /**
   * How long an elected node leaves the log without a writer before taking it over again. Long
   * enough for an election that moved leadership to reach this node first (heartbeat 1 s), so
   * that a node that was really replaced does not fence its successor back.
   */
  private static final long RETAKE_GRACE_MILLIS = 2000;

  private final RecordLog log;
  private final Writer writer;
  private final ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor(r -> {
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
  private long termLostAt; // when the log was first seen without its term; changes thread only

  NodeLeadership(RecordLog log, Writer writer) {
    this.log = log;
    this.writer = writer;
  }

  void start(LeaderElector elector, NodeIdentity self, Duration leaderWait) {
    this.elector = elector;
    this.self = self;
    this.leaderWait = leaderWait;
    elector.start(self, this);
    changes.scheduleWithFixedDelay(this::retakeIfLost, RETAKE_GRACE_MILLIS / 4,
        RETAKE_GRACE_MILLIS / 4, TimeUnit.MILLISECONDS);
  }

  /**
   * The log can end this node's term by itself while the election still names it (Kafka aborted
   * a transaction, or another writer registered): then nothing would be written until the next
   * election. Once the election has had {@link #RETAKE_GRACE_MILLIS} to say otherwise, this node
   * takes the log over again, with the same catch-up as after an election, so nothing it decides
   * misses what another writer committed meanwhile.
   */
  private void retakeIfLost() {
    if (closed || !writing || !stillElected() || handingOver || log.writing()) {
      termLostAt = 0;
      return;
    }
    long now = System.nanoTime();
    if (termLostAt == 0) {
      termLostAt = now;
    } else if (now - termLostAt >= TimeUnit.MILLISECONDS.toNanos(RETAKE_GRACE_MILLIS)) {
      termLostAt = 0;
      LOG.warn("Still elected, but the log ended this node's term: taking the log over again");
      writing = false;
      writer.deactivate();
      takeOver();
    }
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
  public Optional<NodeIdentity> self() {
    return Optional.ofNullable(self);
  }

  @Override
  public List<NodeIdentity> members() {
    LeaderElector e = elector;
    return e == null ? List.of() : e.members();
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
    // An elected node whose log lost its term is not ready: writes wait for the retake instead
    // of meeting the log's refusal.
    return known && (!elected || (writing && log.writing()));
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
