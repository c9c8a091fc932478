package dev.stele.server;

import dev.stele.http.RestOptions;
import java.util.Map;
import java.util.Set;

/**
 * Stele's own limits on what one request may ask of the server (README "Limits"), beside
 * {@code stele.max.request.bytes} and {@code idle.timeout.ms}, which ServerConfig reads.
 *
 * @param maxHeaderBytes {@code stele.http.max.header.bytes}: all headers of a request; more: 431
 * @param maxRequestLineBytes {@code stele.http.max.request.line.bytes}: method, path and query;
 *     longer: 414
 * @param requestTimeoutMillis {@code stele.http.request.timeout.ms}: how long a client has to
 *     send a request's headers (after connecting) and its body (after the headers); late: 408
 * @param maxSchemaBytes {@code stele.schema.max.bytes}: a submitted schema's text; larger: 42209
 */
public record HttpLimits(int maxHeaderBytes, int maxRequestLineBytes, long requestTimeoutMillis,
    int maxSchemaBytes) {
  static final String MAX_HEADER_BYTES = "stele.http.max.header.bytes";
  static final String MAX_REQUEST_LINE_BYTES = "stele.http.max.request.line.bytes";
  static final String REQUEST_TIMEOUT_MS = "stele.http.request.timeout.ms";
  static final String MAX_SCHEMA_BYTES = "stele.schema.max.bytes";
  static final Set<String> KEYS =
      Set.of(MAX_HEADER_BYTES, MAX_REQUEST_LINE_BYTES, REQUEST_TIMEOUT_MS, MAX_SCHEMA_BYTES);

  public static final HttpLimits DEFAULTS = new HttpLimits(RestOptions.DEFAULT_MAX_HEADER,
      RestOptions.DEFAULT_MAX_INITIAL_LINE, RestOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS,
      RestOptions.DEFAULT_MAX_SCHEMA);

  static HttpLimits parse(Map<String, String> values) throws ConfigException {
    return new HttpLimits(
        (int) positive(values, MAX_HEADER_BYTES, DEFAULTS.maxHeaderBytes, Integer.MAX_VALUE, "bytes"),
        (int) positive(values, MAX_REQUEST_LINE_BYTES, DEFAULTS.maxRequestLineBytes, Integer.MAX_VALUE,
            "bytes"),
        positive(values, REQUEST_TIMEOUT_MS, DEFAULTS.requestTimeoutMillis, Long.MAX_VALUE / 1_000_000,
            "milliseconds"),
        (int) positive(values, MAX_SCHEMA_BYTES, DEFAULTS.maxSchemaBytes, Integer.MAX_VALUE, "bytes"));
  }

  /** The listener's options with these limits. */
  RestOptions applyTo(RestOptions options) {
    return options.withHeaderLimits(maxHeaderBytes, maxRequestLineBytes)
        .withRequestTimeoutMillis(requestTimeoutMillis)
        .withMaxSchemaBytes(maxSchemaBytes);
  }

  private static long positive(Map<String, String> values, String key, long fallback, long max,
      String unit) throws ConfigException {
    String text = values.get(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value > 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(key + "=" + text.trim() + " must be a positive number of " + unit
        + " (at most " + max + ")");
  }
}
