package dev.stele.kms.gcp;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The request headers (an OAuth 2.0 bearer token, a quota project) of the credentials that
 * {@link GcpSettings} names, from Google's auth library, which signs the service account's JWT
 * assertion, asks the token endpoint, keeps the token and refreshes it before it expires. One
 * credentials object per settings, kept for the driver's life; the library's objects are
 * thread-safe, and the map is concurrent.
 */
final class GcpCredentials {
  /** Cloud KMS's OAuth scope. */
  static final String SCOPE = "https://www.googleapis.com/auth/cloudkms";
  static final String KEY_FILE_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS";

  private final UnaryOperator<String> environment;
  private final URI tokenUri;
  private final Map<GcpSettings, GoogleCredentials> cache = new ConcurrentHashMap<>();

  /**
   * @param environment where {@code GOOGLE_APPLICATION_CREDENTIALS} is looked up (the process's in
   *     production, as Google's default credentials do)
   * @param tokenUri the token endpoint for a service account key given as properties
   */
  GcpCredentials(UnaryOperator<String> environment, URI tokenUri) {
    this.environment = environment;
    this.tokenUri = tokenUri;
  }

  /** The headers to send to {@code uri}, a token fetched or refreshed first when needed. */
  Map<String, List<String>> headers(GcpSettings settings, URI uri) throws GeneralSecurityException {
    GoogleCredentials credentials = null;
    try {
      credentials = credentials(settings);
      return credentials.getRequestMetadata(uri);
    } catch (IOException | RuntimeException e) {
      // A service account's token endpoint is named: a wrong GCP_OAUTH2_TOKEN_URI or token_uri shows.
      String from = credentials instanceof ServiceAccountCredentials account
          ? " from " + account.getTokenServerUri() : "";
      throw new GeneralSecurityException("could not get a Google access token for " + describe(settings) + from
          + ": " + e.getMessage(), e);
    }
  }

  /** The settings as a refusal names them: the key file, when the default credentials come from one. */
  String describe(GcpSettings settings) {
    String file = environment.apply(KEY_FILE_VARIABLE);
    return settings.serviceAccountKey() || file == null || file.isBlank() ? settings.describe()
        : "the application default credentials in " + file + " (" + KEY_FILE_VARIABLE + ")";
  }

  private GoogleCredentials credentials(GcpSettings settings) throws IOException {
    GoogleCredentials known = cache.get(settings);
    if (known != null) {
      return known;
    }
    GoogleCredentials made = make(settings);
    GoogleCredentials raced = cache.putIfAbsent(settings, made);
    return raced != null ? raced : made;
  }

  private GoogleCredentials make(GcpSettings s) throws IOException {
    GoogleCredentials base;
    if (s.serviceAccountKey()) {
      base = ServiceAccountCredentials.fromPkcs8(s.clientId(), s.clientEmail(), s.privateKey(), s.privateKeyId(),
          List.of(SCOPE), null, tokenUri);
    } else {
      // Google's default credentials look at GOOGLE_APPLICATION_CREDENTIALS first; it is read here
      // through the driver's environment so that tests can name a file, and the rest (gcloud's
      // file, the metadata server) is the library's.
      String file = environment.apply(KEY_FILE_VARIABLE);
      if (file != null && !file.isBlank()) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
          base = GoogleCredentials.fromStream(in);
        }
      } else {
        base = GoogleCredentials.getApplicationDefault();
      }
    }
    return base.createScopedRequired() ? base.createScoped(List.of(SCOPE)) : base;
  }
}
