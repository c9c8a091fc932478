package dev.stele.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One entry of {@code listeners}: where the REST API is served.
 *
 * @param host the address to bind, without IPv6 brackets ({@code 0.0.0.0} for all interfaces)
 */
public record Listener(String scheme, String host, int port) {

  /** Parses {@code http://host:port} as Confluent's rest-utils does; an empty host binds all. */
  static Listener parse(String text) throws ConfigException {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new ConfigException("listeners: '" + text + "' is not a URL like http://0.0.0.0:8081");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    // https:// listeners take their keys from the ssl.* settings (TlsSettings).
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigException("listeners: '" + text + "' must start with http:// or https://");
    }
    String host = uri.getHost();
    int port = uri.getPort();
    String authority = uri.getRawAuthority();
    if (host == null && authority != null && authority.matches(":[0-9]{1,5}")) {
      // "http://:8081" is not a server authority to java.net.URI; Confluent binds every interface.
      host = "0.0.0.0";
      port = Integer.parseInt(authority.substring(1));
    }
    if (host == null && authority != null && !authority.contains("@")) {
      // java.net.URI gives no host when the port is not a number ("127.0.0.1:abc"): say which.
      int colon = authority.lastIndexOf(':');
      if (colon >= 0 && !authority.substring(colon + 1).matches("[0-9]{1,5}")) {
        throw new ConfigException("listeners: '" + text + "' has the port '"
            + authority.substring(colon + 1) + "', which is not a number from 0 to 65535"
            + " (e.g. http://0.0.0.0:8081)");
      }
    }
    if (host == null || host.isEmpty() || uri.getUserInfo() != null) {
      throw new ConfigException("listeners: '" + text + "' has no valid host (e.g. http://0.0.0.0:8081)");
    }
    if (port < 0 || port > 65535) {
      throw new ConfigException("listeners: '" + text + "' has no valid port (e.g. http://0.0.0.0:8081)");
    }
    String bind = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return new Listener(scheme, bind, port);
  }

  /** The listener as a URL, for logs: {@code http://127.0.0.1:8081}, {@code http://[::1]:8081}. */
  public String url() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return scheme + "://" + shown + ":" + port;
  }
}
