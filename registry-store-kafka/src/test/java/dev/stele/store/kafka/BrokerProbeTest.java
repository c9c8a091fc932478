package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.LogException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrokerProbeTest {
  /** A port nothing listens on: bound, then closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void noListeningAddressFailsAfterTheWaitWithTheLastReason() throws IOException {
    String bootstrap = "127.0.0.1:" + closedPort();
    long started = System.nanoTime();
    assertThatThrownBy(() -> BrokerProbe.reach(bootstrap, Duration.ofMillis(800)))
        .isInstanceOf(LogException.class)
        .hasMessageStartingWith("cannot reach Kafka at " + bootstrap + " within 800 ms ("
            + bootstrap + ": Connection refused");
    // It kept trying for the wait, not just once.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aListeningAddressAmongTheBootstrapServersIsEnough() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String bootstrap = "127.0.0.1:" + closedPort() + ",127.0.0.1:" + listening.getLocalPort();
      assertThatCode(() -> BrokerProbe.reach(bootstrap, Duration.ofSeconds(2)))
          .doesNotThrowAnyException();
    }
  }
}
