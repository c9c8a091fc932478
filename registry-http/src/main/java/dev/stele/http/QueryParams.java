package dev.stele.http;

import io.vertx.core.MultiMap;

/**
 * Query and path parameters read the way the Confluent registry's JAX-RS resources read them, so
 * that odd spellings get the same answers: the first value of a repeated parameter counts; a flag
 * is true only for {@code true} in any case ({@code 1} and {@code yes} are false); an integer is
 * {@link Integer#valueOf} of the text ({@code +1} works, {@code 1.0} or {@code " 1"} do not), a
 * blank one is the default, and a malformed one is a plain 404, as JAX-RS answers a parameter it
 * cannot convert.
 */
final class QueryParams {
  private QueryParams() {}

  static boolean flag(MultiMap params, String name) {
    return Boolean.parseBoolean(params.get(name));
  }

  static int integer(MultiMap params, String name, int defaultValue) {
    String text = params.get(name);
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    return parseInt(text);
  }

  /** The first value, or null when the parameter is absent. */
  static String text(MultiMap params, String name) {
    return params.get(name);
  }

  /** Every value of a repeated parameter, in request order (empty when absent). */
  static java.util.List<String> all(MultiMap params, String name) {
    return params.getAll(name);
  }

  /** The first value, or {@code defaultValue} when absent. */
  static String text(MultiMap params, String name, String defaultValue) {
    String text = params.get(name);
    return text == null ? defaultValue : text;
  }

  /** An integer path or query parameter; 404 when it is not one (JAX-RS behaviour). */
  static int parseInt(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw EdgeError.NOT_FOUND.exception();
    }
  }
}
