package dev.stele.http.auth;

import dev.stele.http.TlsOptions;
import java.util.List;
import java.util.Objects;

/**
 * How the REST server secures a listener: TLS or not, and how callers authenticate: not at all
 * ({@link #NONE}, as without any security settings), or with HTTP Basic against a users file,
 * and bearer tokens when configured.
 *
 * @param authenticator null when open
 * @param realm named in the {@code WWW-Authenticate} challenge
 * @param openPaths paths served without credentials (health checks, metrics): exact, or a prefix
 *     when ending in {@code *}
 * @param tls the listener's TLS settings; null for plain HTTP. With client certificates, a
 *     caller without an {@code Authorization} header is the user its certificate names (CN)
 * @param bearer bearer tokens accepted besides the users file's Basic credentials; null: none
 */
public record Security(BasicAuthenticator authenticator, String realm, List<String> openPaths,
    TlsOptions tls, BearerAuthenticator bearer) {
  public static final Security NONE = new Security(null, "", List.of(), null, null);

  public Security {
    openPaths = List.copyOf(openPaths);
    realm = Objects.requireNonNull(realm, "realm");
  }

  public static Security basic(BasicAuthenticator authenticator, String realm, List<String> openPaths) {
    return new Security(Objects.requireNonNull(authenticator, "authenticator"), realm, openPaths,
        null, null);
  }

  /** The same served over TLS ({@code tls} null: plain HTTP). */
  public Security withTls(TlsOptions tls) {
    return new Security(authenticator, realm, openPaths, tls, bearer);
  }

  /**
   * The same also accepting bearer tokens; the users file still holds the rules (its
   * {@code role:NAME} rules apply to the roles a token carries).
   */
  public Security withBearer(BearerAuthenticator bearer) {
    if (authenticator == null) {
      throw new IllegalStateException("bearer tokens need the users file's rules");
    }
    return new Security(authenticator, realm, openPaths, tls, bearer);
  }

  public boolean enabled() {
    return authenticator != null;
  }

  public boolean isOpen(String path) {
    for (String open : openPaths) {
      if (open.endsWith("*") ? path.startsWith(open.substring(0, open.length() - 1)) : path.equals(open)) {
        return true;
      }
    }
    return false;
  }
}
