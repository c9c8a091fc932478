package dev.stele.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.ClientConfig;
import dev.stele.client.RestClientException;
import dev.stele.client.internal.HttpTransport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The REST calls export and import need beyond the typed client (deleted versions, whole
 * {@code Schema} answers with metadata and rule sets, registration with an id and a version in
 * IMPORT mode, full configs). They go through the client's own transport, so auth, TLS, proxy,
 * headers, retries and failover are exactly the client's.
 */
final class RegistryRest {
  private final HttpTransport transport;
  private final String url;

  RegistryRest(ClientConfig config) {
    this.transport = new HttpTransport(config);
    this.url = config.urls().get(0).toString();
  }

  String url() {
    return url;
  }

  JsonNode get(String path) throws IOException, RestClientException {
    return transport.send("GET", path, null);
  }

  /** The answer, or null when the registry says there is none ({@code missingCode}, e.g. 40408). */
  JsonNode getOptional(String path, int missingCode) throws IOException, RestClientException {
    try {
      return transport.send("GET", path, null);
    } catch (RestClientException e) {
      if (e.errorCode() == missingCode || e.status() == 404 && e.errorCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  JsonNode post(String path, ObjectNode body) throws IOException, RestClientException {
    return transport.send("POST", path, body);
  }

  JsonNode put(String path, ObjectNode body) throws IOException, RestClientException {
    return transport.send("PUT", path, body);
  }

  JsonNode delete(String path) throws IOException, RestClientException {
    return transport.send("DELETE", path, null);
  }

  /** A subject (or {@code :.ctx:}) as one path segment: any character arrives intact. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code root} for the global scope (null), else {@code root/segment}. */
  static String scoped(String root, String subject) {
    return subject == null ? root : root + "/" + segment(subject);
  }
}
