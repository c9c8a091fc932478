package dev.stele.store.kafka;

import dev.stele.registry.cluster.NodeIdentity;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the leader a follower forwards to by opening a TCP connection to its listener every
 * {@code interval}, so a crashed leader is noticed in well under a second instead of at the end
 * of its group session. Only a refused connection counts, and only {@link #REFUSALS_IN_A_ROW}
 * in a row: a live host answers a connection to a port nobody listens on with a reset at once,
 * which is what a killed process leaves behind. A timeout, no route or an unknown host says
 * nothing about the process (a pause, a partition, a slow network): those are left to the
 * session timeout. Reports a leader once, then again only after {@link #REARM} (a leader that is
 * alive but refuses this node, e.g. a firewall's reject, must not cause a storm of elections: it
 * stays in the group, so the election keeps it); watching another leader re-arms at once.
 *
 * <p>Runs on its own daemon thread; {@link #watch} may be called from any thread.
 */
final class LeaderProbe implements AutoCloseable {
  static final int REFUSALS_IN_A_ROW = 2;
  static final Duration REARM = Duration.ofSeconds(60);

  /** What one connection attempt said about the process behind a URL. */
  enum Answer { ACCEPTED, REFUSED, UNKNOWN }

  private final Duration interval;
  private final Consumer<NodeIdentity> gone;
  private final ScheduledExecutorService timer;
  private volatile Optional<NodeIdentity> target = Optional.empty();
  private volatile long sent;
  private int refusals; // timer thread only
  private NodeIdentity probed; // timer thread only: whom refusals counts for
  private long reportedAt; // timer thread only: System.nanoTime() of the last report, 0: none

  /** @param gone told, on the probe's thread, of a leader that refused twice in a row */
  LeaderProbe(Duration interval, Consumer<NodeIdentity> gone) {
    this.interval = Objects.requireNonNull(interval, "interval");
    this.gone = Objects.requireNonNull(gone, "gone");
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stele-leader-probe");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::probeOnce, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** The leader to watch: empty while this node leads or no leader is known. */
  void watch(Optional<NodeIdentity> leader) {
    target = leader;
  }

  private void probeOnce() {
    Optional<NodeIdentity> current = target;
    if (current.isEmpty()) {
      refusals = 0; // an election under way: whom to watch is not known. Still armed as before.
      return;
    }
    NodeIdentity leader = current.get();
    if (!leader.equals(probed)) {
      probed = leader;
      refusals = 0;
      reportedAt = 0;
    }
    // A connect that takes longer than the interval is no refusal: bounded so probes don't pile up.
    Answer answer = connect(leader.host(), leader.port(), interval);
    sent++; // this thread alone writes it
    refusals = answer == Answer.REFUSED ? refusals + 1 : 0;
    boolean armed = reportedAt == 0 || System.nanoTime() - reportedAt > REARM.toNanos();
    if (refusals >= REFUSALS_IN_A_ROW && armed) {
      reportedAt = System.nanoTime() | 1; // never 0
      refusals = 0;
      gone.accept(leader);
    }
  }

  /** Connection attempts so far. */
  long sent() {
    return sent;
  }

  /** One TCP connection attempt, closed at once: no request is sent. */
  static Answer connect(String host, int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      return Answer.ACCEPTED;
    } catch (SocketTimeoutException e) {
      return Answer.UNKNOWN;
    } catch (ConnectException e) {
      // The JDK reports a reset as "Connection refused"; an OS-level connect timeout also
      // arrives as a ConnectException, with another message, and proves nothing.
      String message = e.getMessage();
      return message != null && message.contains("refused") ? Answer.REFUSED : Answer.UNKNOWN;
    } catch (IOException | IllegalArgumentException | SecurityException e) {
      return Answer.UNKNOWN;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
