package dev.stele.registry.cluster;

import java.util.Objects;

/**
 * How the nodes of one registry cluster know each other: where a node serves its REST API (its
 * {@code host.name} and listener) and whether it may lead ({@code leader.eligibility}).
 *
 * @param scheme {@code http} (or {@code https} once listeners support it)
 * @param host {@code host.name}: what peers connect to, not necessarily the address bound
 */
public record NodeIdentity(String scheme, String host, int port, boolean eligible) {
  public NodeIdentity {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("a node identity needs the port actually listened on: " + port);
    }
  }

  /** {@code scheme://host:port}: where followers forward writes; also the election's sort key. */
  public String url() {
    String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return scheme + "://" + shown + ":" + port;
  }
}
