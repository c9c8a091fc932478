package dev.stele.http;

import java.util.Locale;

/**
 * Content negotiation as the Confluent registry does it (../shared/API.md §1.1): which request
 * bodies are read as JSON, and which of the three JSON media types an {@code Accept} header gets.
 */
final class MediaTypes {
  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
  static final String JSON = "application/json";
  static final String OCTET_STREAM = "application/octet-stream";

  /** What the server produces, best first, with its quality-of-source ({@code qs}). */
  private static final String[] PRODUCED = {V1_JSON, DEFAULT_JSON, JSON};
  private static final double[] SOURCE_QUALITY = {1.0, 0.9, 0.5};

  private MediaTypes() {}

  /**
   * Whether a request body with this {@code Content-Type} is read as JSON. No Content-Type counts
   * as {@code application/octet-stream}, which the registry accepts (JAX-RS does the same), so
   * clients that send none still work; anything else is 415.
   */
  static boolean readableBody(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String type = bareType(contentType);
    return type.equals(V1_JSON) || type.equals(DEFAULT_JSON) || type.equals(JSON)
        || type.equals(OCTET_STREAM);
  }

  /**
   * The response media type for an {@code Accept} header: the produced type the client rates
   * highest, ties going to the server's preference; {@link #V1_JSON} with no header. Null when
   * the client accepts none of them (406).
   */
  static String negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return V1_JSON;
    }
    String best = null;
    double bestQ = 0;
    double bestQs = 0;
    for (int i = 0; i < PRODUCED.length; i++) {
      double q = quality(accept, PRODUCED[i]);
      if (q > bestQ || (q == bestQ && q > 0 && SOURCE_QUALITY[i] > bestQs)) {
        best = PRODUCED[i];
        bestQ = q;
        bestQs = SOURCE_QUALITY[i];
      }
    }
    return best;
  }

  /**
   * The client's q for one produced type: that of the most specific range matching it (exact,
   * then a subtype wildcard, then the full wildcard); 0 when none does.
   */
  private static double quality(String accept, String produced) {
    int bestSpecificity = -1;
    double q = 0;
    for (String range : accept.split(",")) {
      String type = bareType(range);
      int specificity = specificity(type, produced);
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        q = qValue(range);
      }
    }
    return q;
  }

  private static int specificity(String range, String produced) {
    if (range.equals(produced)) {
      return 2;
    }
    if (range.equals("*/*") || range.equals("*")) {
      return 0;
    }
    if (range.endsWith("/*") && produced.startsWith(range.substring(0, range.length() - 1))) {
      return 1;
    }
    return -1;
  }

  /** The {@code q} parameter; 1 when absent, 0 when it is not a number in [0, 1]. */
  private static double qValue(String range) {
    String[] parts = range.split(";");
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      if (param.length() > 1 && (param.charAt(0) == 'q' || param.charAt(0) == 'Q')
          && param.substring(1).trim().startsWith("=")) {
        try {
          double q = Double.parseDouble(param.substring(param.indexOf('=') + 1).trim());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  /** {@code type/subtype} in lower case, without parameters. */
  private static String bareType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
