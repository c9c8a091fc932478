package dev.stele.http.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic credentials checked against a users file that is re-read when it changes (its
 * modification time or size, looked at no more than once a second, on requests: no thread).
 *
 * <p>A password check is deliberately slow, so verified credentials are remembered: the key is a
 * SHA-256 digest of the whole header value (the password is never kept in clear), the value the
 * principal. Refused credentials are remembered the same way, so that a client repeating a wrong
 * password (a stale secret in some producer's config) costs a map look-up, not a hash each time.
 * Both are dropped with the file they were checked against, and bounded.
 */
public final class BasicAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(BasicAuthenticator.class);
  private static final long CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Far more distinct valid credentials than a registry sees; past it the cache starts over. */
  static final int MAX_CACHED = 10_000;

  /** One per thread: getInstance looks the provider up each time, on the hot path here. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  });

  /** Marks refused credentials in the cache. */
  private static final Principal REFUSED = new Principal("", java.util.Set.of());

  private record Snapshot(UsersFile file, Object stamp, Map<String, Principal> verified) {}

  private final Path path;
  private final LongSupplier nanoClock;
  private volatile Snapshot current;
  private volatile long nextCheck;

  BasicAuthenticator(Path path, LongSupplier nanoClock) throws IOException {
    this.path = path;
    this.nanoClock = nanoClock;
    Object stamp = stamp(path);
    this.current = new Snapshot(read(path), stamp, new ConcurrentHashMap<>());
    this.nextCheck = nanoClock.getAsLong() + CHECK_INTERVAL_NANOS;
  }

  /** Reads the file now; IOException or IllegalArgumentException (naming the line) if bad. */
  public static BasicAuthenticator open(Path path) throws IOException {
    return new BasicAuthenticator(path, System::nanoTime);
  }

  /** The rules of the users file as currently loaded. */
  public Policy policy() {
    refreshIfDue();
    return current.file().policy();
  }

  /**
   * The fast path: the principal for credentials verified before against the current file, or
   * null (never verified, or wrong: call {@link #verify}).
   */
  public Principal cached(String authorization) {
    refreshIfDue();
    Principal known = authorization == null ? null : current.verified().get(key(authorization));
    return known == REFUSED ? null : known;
  }

  /** Whether these exact credentials were refused before, against the current file. */
  public boolean refusedBefore(String authorization) {
    refreshIfDue();
    return authorization != null && current.verified().get(key(authorization)) == REFUSED;
  }

  /** The slow path (a password hash): the principal, or null for missing or wrong credentials. */
  public Principal verify(String authorization) {
    Snapshot snapshot = current;
    char[] password = null;
    try {
      String userPass = decode(authorization);
      int colon = userPass == null ? -1 : userPass.indexOf(':');
      if (colon < 0) {
        return null;
      }
      UsersFile.User user = snapshot.file().users().get(userPass.substring(0, colon));
      password = userPass.substring(colon + 1).toCharArray();
      boolean right = user != null && user.hash().matches(password);
      if (snapshot.verified().size() >= MAX_CACHED) {
        snapshot.verified().clear();
      }
      snapshot.verified().put(key(authorization), right ? user.principal() : REFUSED);
      return right ? user.principal() : null;
    } finally {
      if (password != null) {
        java.util.Arrays.fill(password, '\0');
      }
    }
  }

  /**
   * A caller identified by a client certificate the TLS handshake verified: the user of that name
   * (with its roles) when the users file has one, else a user without roles.
   */
  public Principal certified(String name) {
    refreshIfDue();
    UsersFile.User user = current.file().users().get(name);
    return user != null ? user.principal() : new Principal(name, java.util.Set.of());
  }

  /** {@code Basic base64(user:password)}, or null when the header is not that. */
  private static String decode(String authorization) {
    if (authorization == null || authorization.length() < 6
        || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The digest's bytes as a string (one char per byte): a cheap map key. */
  private static String key(String authorization) {
    byte[] digest = SHA_256.get().digest(authorization.getBytes(StandardCharsets.UTF_8));
    return new String(digest, StandardCharsets.ISO_8859_1);
  }

  private void refreshIfDue() {
    long now = nanoClock.getAsLong();
    if (now - nextCheck < 0) {
      return;
    }
    synchronized (this) {
      if (now - nextCheck < 0) {
        return;
      }
      nextCheck = now + CHECK_INTERVAL_NANOS;
      reloadIfChanged();
    }
  }

  /** Keeps serving the last good file when the new one is unreadable or wrong, and says why. */
  private void reloadIfChanged() {
    try {
      Object stamp = stamp(path);
      if (stamp.equals(current.stamp())) {
        return;
      }
      current = new Snapshot(read(path), stamp, new ConcurrentHashMap<>());
      LOG.info("Reloaded the users file {} ({} users)", path, current.file().users().size());
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Keeping the previous users: cannot use the changed users file {}: {}", path,
          e.getMessage());
    }
  }

  private static Object stamp(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return java.util.List.of(attributes.lastModifiedTime(), attributes.size(),
        String.valueOf(attributes.fileKey()));
  }

  private static UsersFile read(Path path) throws IOException {
    try {
      return UsersFile.parse(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }
}
