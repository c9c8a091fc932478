package dev.stele.kms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One JSON POST to a KMS's REST API, for the drivers that speak it over the JDK's HTTP client
 * (Vault, Cloud KMS). Bounded in time, so a KMS that does not answer fails a wrap after
 * {@link #REQUEST_TIMEOUT} instead of hanging the registry's KMS pool or a producer; a failure to
 * reach it names the KMS and its address, never the body (it holds key material). Thread-safe.
 */
public final class KmsHttp {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The status and the body as sent. */
  public record Reply(int status, byte[] body) {
    public boolean ok() {
      return status / 100 == 2;
    }

    /** Unauthenticated or not allowed: the credentials or their rights, not the key or the data. */
    public boolean refused() {
      return status == 401 || status == 403;
    }
  }

  private final String kms;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  /** @param kms the KMS's name in error messages, e.g. {@code Vault} */
  public KmsHttp(String kms) {
    this.kms = kms;
  }

  /** POSTs {@code json} with {@code headers} (each value sent; none null) to {@code uri}. */
  public Reply post(URI uri, Map<String, List<String>> headers, byte[] json) throws GeneralSecurityException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json));
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new GeneralSecurityException("could not reach " + kms + " at " + uri.resolve("/") + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GeneralSecurityException("interrupted while waiting for " + kms + " at " + uri.resolve("/"), e);
    }
  }
}
