package dev.stele.http.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens: signed JWTs checked against a configured public key or the keys a JWKS URL
 * publishes (fetched when first needed, cached and re-fetched for an unknown key id by Nimbus).
 * Signature, expiry ({@code exp} is required), and the issuer and audience when configured are
 * checked; the user is a claim ({@code sub} by default), the roles another one, matched by the
 * {@code role:NAME} rules of the users file like the roles of its users.
 *
 * <p>Only asymmetric signatures (RS*, PS*, ES*) are accepted: with a public key there is no
 * shared secret to guess, and {@code alg: none} or HMAC tricks have no key to succeed with.
 * Verified tokens are remembered until they expire, so a client sending the same token again
 * costs a map look-up.
 */
public final class BearerAuthenticator {
  /** Far more distinct live tokens than a registry sees; past it the cache starts over. */
  static final int MAX_CACHED = 10_000;
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256,
      JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
      JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
  private static final String PREFIX = "bearer ";
  private static final int JWKS_TIMEOUT_MS = 5_000;
  private static final int JWKS_MAX_BYTES = 1 << 20;

  /**
   * Where the keys come from and what a token must say.
   *
   * @param jwksUrl the JWKS endpoint, or null when {@code publicKeyFile} is set
   * @param publicKeyFile a PEM {@code PUBLIC KEY} (RSA or EC), or null when {@code jwksUrl} is set
   * @param issuer the required {@code iss}; null: any
   * @param audience a value {@code aud} must contain; null: any
   * @param userClaim the claim naming the user, e.g. {@code sub}
   * @param rolesClaim the claim listing the roles (an array or a space- or comma-separated
   *     string); a dotted name reaches into objects, e.g. {@code realm_access.roles}
   */
  public record Settings(URI jwksUrl, Path publicKeyFile, String issuer, String audience,
      String userClaim, String rolesClaim) {
    public Settings {
      if ((jwksUrl == null) == (publicKeyFile == null)) {
        throw new IllegalArgumentException("exactly one of a JWKS URL and a public key file");
      }
      Objects.requireNonNull(userClaim, "userClaim");
      Objects.requireNonNull(rolesClaim, "rolesClaim");
    }
  }

  private record Verified(Principal principal, long expiresAtMillis) {}

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final String userClaim;
  private final List<String> rolesPath;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  BearerAuthenticator(JWKSource<SecurityContext> keys, Settings settings) {
    this.userClaim = settings.userClaim();
    this.rolesPath = List.of(settings.rolesClaim().split("\\."));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    JWTClaimsSet exact = settings.issuer() == null ? new JWTClaimsSet.Builder().build()
        : new JWTClaimsSet.Builder().issuer(settings.issuer()).build();
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.audience(), exact,
        new HashSet<>(List.of(userClaim, "exp"))));
  }

  /** Reads the public key now (IOException or IllegalArgumentException if bad); a JWKS URL is read on first use. */
  public static BearerAuthenticator open(Settings settings) throws IOException {
    JWKSource<SecurityContext> keys;
    if (settings.publicKeyFile() != null) {
      keys = new ImmutableJWKSet<>(new JWKSet(readPem(settings.publicKeyFile())));
    } else {
      // Nimbus's default of 500 ms to connect and to read fails a first request whenever the
      // identity provider (or this host) is briefly slow; one retry covers a dropped connection.
      keys = JWKSourceBuilder.create(settings.jwksUrl().toURL(),
          new DefaultResourceRetriever(JWKS_TIMEOUT_MS, JWKS_TIMEOUT_MS, JWKS_MAX_BYTES))
          .retrying(true).build();
    }
    return new BearerAuthenticator(keys, settings);
  }

  /** Whether an {@code Authorization} header carries a bearer token. */
  public static boolean isBearer(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** The principal for a token verified before and not expired since, else null. */
  public Principal cached(String authorization) {
    Verified known = verified.get(authorization);
    if (known == null) {
      return null;
    }
    if (known.expiresAtMillis() <= System.currentTimeMillis()) {
      verified.remove(authorization);
      return null;
    }
    return known.principal();
  }

  /**
   * The caller a bearer header names, or null for any token that is not valid (malformed, badly
   * signed, expired, wrong issuer or audience, no user). May fetch the JWKS: call off the event loop.
   */
  public Principal verify(String authorization) {
    if (!isBearer(authorization)) {
      return null;
    }
    String token = authorization.substring(PREFIX.length()).trim();
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (Exception e) {
      // ParseException, BadJOSEException, JOSEException, a JWKS that cannot be fetched: all
      // mean the token cannot be accepted now.
      return null;
    }
    Object user = claims.getClaim(userClaim);
    Date expires = claims.getExpirationTime();
    if (!(user instanceof String name) || name.isBlank() || expires == null) {
      return null;
    }
    Principal principal = new Principal(name, roles(claims.getClaims()));
    if (verified.size() >= MAX_CACHED) {
      verified.clear();
    }
    verified.put(authorization, new Verified(principal, expires.getTime()));
    return principal;
  }

  private Set<String> roles(Map<String, Object> claims) {
    Object value = claims;
    for (String part : rolesPath) {
      value = value instanceof Map<?, ?> map ? map.get(part) : null;
    }
    Set<String> roles = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      for (Object role : list) {
        if (role instanceof String text && !text.isBlank()) {
          roles.add(text);
        }
      }
    } else if (value instanceof String text) {
      for (String role : text.split("[ ,]+")) {
        if (!role.isBlank()) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  /** A PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), RSA or EC, as a JWK. */
  static List<JWK> readPem(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
    int end = text.indexOf("-----END PUBLIC KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(file + " holds no PEM PUBLIC KEY block");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + 26, end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": the PUBLIC KEY block is not base64", e);
    }
    List<JWK> keys = new ArrayList<>();
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        if (key instanceof RSAPublicKey rsa) {
          keys.add(new RSAKey.Builder(rsa).build());
        } else if (key instanceof ECPublicKey ec) {
          keys.add(new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build());
        }
        return keys;
      } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
        // not this algorithm: try the next
      }
    }
    throw new IllegalArgumentException(file + " holds neither an RSA nor an EC public key");
  }
}
