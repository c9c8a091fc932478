package dev.stele.server;

import dev.stele.registry.cluster.NodeIdentity;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The URL a node gives its peers, to which they forward writes while it leads: {@code host.name}
 * and the first listener's scheme and port, as the Confluent registry advertises (API.md §3.5).
 * Without {@code host.name}, the listener's address, or this machine's name when the listener
 * binds every interface (peers cannot connect to 0.0.0.0).
 */
final class Advertised {
  private Advertised() {}

  static NodeIdentity identity(ServerConfig config, int actualPort) {
    Listener first = config.listeners().get(0);
    String host = config.hostName();
    if (host == null) {
      host = first.host();
      if (host.equals("0.0.0.0") || host.equals("::")) {
        host = localName();
      }
    }
    return new NodeIdentity(first.scheme(), host, actualPort, config.cluster().leaderEligible());
  }

  private static String localName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
