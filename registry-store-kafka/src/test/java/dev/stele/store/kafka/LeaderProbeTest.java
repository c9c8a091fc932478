package dev.stele.store.kafka;

import static dev.stele.store.kafka.Eventually.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.cluster.NodeIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The probe against real sockets on this host: a listener, and a port nobody listens on. */
class LeaderProbeTest {
  private static final Duration INTERVAL = Duration.ofMillis(50);

  /** A port that was just free: connecting to it is refused. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static NodeIdentity at(int port) {
    return new NodeIdentity("http", "127.0.0.1", port, true);
  }

  @Test
  void tellsAListenerFromAPortNobodyListensOn() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertThat(LeaderProbe.connect("127.0.0.1", listening.getLocalPort(), Duration.ofSeconds(5)))
          .isEqualTo(LeaderProbe.Answer.ACCEPTED);
    }
    assertThat(LeaderProbe.connect("127.0.0.1", closedPort(), Duration.ofSeconds(5)))
        .isEqualTo(LeaderProbe.Answer.REFUSED);
    // Not a refusal: nothing is known about a process behind a name that does not resolve.
    assertThat(LeaderProbe.connect("no-such-host.invalid", 8081, Duration.ofSeconds(5)))
        .isEqualTo(LeaderProbe.Answer.UNKNOWN);
  }

  @Test
  void reportsALeaderThatRefusesOnceAndALiveOneNever() throws Exception {
    List<NodeIdentity> gone = new CopyOnWriteArrayList<>();
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket live = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LeaderProbe probe = new LeaderProbe(INTERVAL, gone::add)) {
      Thread acceptor = new Thread(() -> {
        while (!live.isClosed()) {
          try (Socket s = live.accept()) {
            accepted.incrementAndGet();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      probe.watch(Optional.of(at(live.getLocalPort())));
      awaitTrue("the live leader was probed five times", () -> accepted.get() >= 5);
      assertThat(gone).as("a leader that accepts is never reported").isEmpty();

      NodeIdentity dead = at(closedPort());
      probe.watch(Optional.of(dead));
      awaitTrue("the dead leader is reported", () -> !gone.isEmpty());
      long sentAtReport = probe.sent();
      awaitTrue("ten more probes of it", () -> probe.sent() >= sentAtReport + 10);
      assertThat(gone).as("reported once: the next report waits %s", LeaderProbe.REARM)
          .containsExactly(dead);

      // Another leader re-arms at once.
      NodeIdentity other = at(closedPort());
      probe.watch(Optional.of(other));
      awaitTrue("the other one is reported", () -> gone.size() == 2);
      assertThat(gone).containsExactly(dead, other);
    }
  }
}
