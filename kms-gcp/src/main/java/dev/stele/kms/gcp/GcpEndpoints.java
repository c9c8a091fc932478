package dev.stele.kms.gcp;

import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * Where the driver's requests go: Cloud KMS's REST API and, for a service account key given as
 * properties, Google's OAuth 2.0 token endpoint. Google's by default; a private endpoint (Private
 * Service Connect) or a test double is named for the whole process, by the system property
 * {@code gcp.kms.endpoint} (else the variable {@code GCP_KMS_ENDPOINT}) and {@code gcp.oauth2.token.uri}
 * (else {@code GCP_OAUTH2_TOKEN_URI}). Never from a KEK's properties: whoever may create a KEK
 * could otherwise have the server send its own access token to a host of their choosing. A
 * service account's JSON file names its own {@code token_uri}, which wins for that file.
 *
 * @param invalid why a setting was refused (every call then fails saying so), or null
 */
record GcpEndpoints(URI kms, URI token, String invalid) {
  static final URI GOOGLE_KMS = URI.create("https://cloudkms.googleapis.com/");
  static final URI GOOGLE_TOKEN = URI.create("https://oauth2.googleapis.com/token");
  static final String KMS_PROPERTY = "gcp.kms.endpoint";
  static final String KMS_VARIABLE = "GCP_KMS_ENDPOINT";
  static final String TOKEN_PROPERTY = "gcp.oauth2.token.uri";
  static final String TOKEN_VARIABLE = "GCP_OAUTH2_TOKEN_URI";

  /** Google's own endpoints. */
  static GcpEndpoints google() {
    return new GcpEndpoints(GOOGLE_KMS, GOOGLE_TOKEN, null);
  }

  /** From the system properties, else {@code environment}, else Google's. */
  static GcpEndpoints of(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    StringBuilder invalid = new StringBuilder();
    URI kms = uri(properties, environment, KMS_PROPERTY, KMS_VARIABLE, GOOGLE_KMS, invalid);
    URI token = uri(properties, environment, TOKEN_PROPERTY, TOKEN_VARIABLE, GOOGLE_TOKEN, invalid);
    if (!kms.getPath().endsWith("/")) {
      kms = URI.create(kms + "/");
    }
    return new GcpEndpoints(kms, token, invalid.isEmpty() ? null : invalid.toString());
  }

  private static URI uri(UnaryOperator<String> properties, UnaryOperator<String> environment, String property,
      String variable, URI google, StringBuilder invalid) {
    String value = properties.apply(property);
    String source = property;
    if (value == null || value.isBlank()) {
      value = environment.apply(variable);
      source = variable;
    }
    if (value == null || value.isBlank()) {
      return google;
    }
    try {
      URI uri = URI.create(value.trim());
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // worded below
    }
    invalid.append(invalid.isEmpty() ? "" : "; ").append(source).append(" '").append(value)
        .append("' is not an http(s) URL without query");
    return google;
  }
}
