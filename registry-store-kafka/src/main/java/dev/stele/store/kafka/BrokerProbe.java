package dev.stele.store.kafka;

import dev.stele.registry.log.LogException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before any Kafka client is made: can a TCP connection reach one of the bootstrap servers? An
 * unreachable Kafka otherwise costs a start dozens of client warnings ("Connection to node -1
 * could not be established", about one a second) and ends with "Timed out waiting for a node
 * assignment", which does not say where it looked. This says once where it connects and for how
 * long, and fails with the addresses and the last reason. A connection proves only that something
 * listens; TLS, SASL and the topic are the clients' to check.
 */
final class BrokerProbe {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerProbe.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
  private static final long PAUSE_MILLIS = 250;

  private BrokerProbe() {}

  /** Returns once a bootstrap server accepts a connection; throws when none does in {@code wait}. */
  static void reach(String bootstrapServers, Duration wait) {
    List<InetSocketAddress> addresses = addresses(bootstrapServers);
    LOG.info("Connecting to Kafka at {} (up to {} s, kafkastore.init.timeout.ms)", bootstrapServers,
        wait.toSeconds());
    long deadline = System.nanoTime() + wait.toNanos();
    String reason = "no address";
    while (true) {
      for (InetSocketAddress address : addresses) {
        try (Socket socket = new Socket()) {
          socket.connect(address.isUnresolved()
              ? new InetSocketAddress(address.getHostString(), address.getPort()) : address,
              CONNECT_TIMEOUT_MILLIS);
          return;
        } catch (IOException e) {
          reason = address.getHostString() + ":" + address.getPort() + ": " + e.getMessage();
        }
      }
      if (System.nanoTime() + PAUSE_MILLIS * 1_000_000 >= deadline) {
        throw new LogException("cannot reach Kafka at " + bootstrapServers + " within "
            + wait.toMillis() + " ms (" + reason + "); is the broker running, and is "
            + KafkaStoreConfig.BOOTSTRAP + " right?");
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LogException("interrupted while connecting to Kafka", e);
      }
    }
  }

  private static List<InetSocketAddress> addresses(String bootstrapServers) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String each : bootstrapServers.split(",")) {
      String hostPort = each.trim();
      int colon = hostPort.lastIndexOf(':');
      if (colon <= 0) {
        continue; // KafkaStoreConfig has refused these already; the clients would say why
      }
      String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
      try {
        out.add(InetSocketAddress.createUnresolved(host,
            Integer.parseInt(hostPort.substring(colon + 1))));
      } catch (IllegalArgumentException e) {
        // not a port: left to the clients' own validation
      }
    }
    return out;
  }
}
