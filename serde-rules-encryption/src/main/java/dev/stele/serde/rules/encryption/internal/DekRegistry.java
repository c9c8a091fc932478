package dev.stele.serde.rules.encryption.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.ClientConfig;
import dev.stele.client.RestClientException;
import dev.stele.client.internal.BoundedCache;
import dev.stele.client.internal.HttpTransport;
import dev.stele.client.internal.Json;
import dev.stele.kms.DekFormat;
import dev.stele.serde.rules.encryption.internal.Keys.Dek;
import dev.stele.serde.rules.encryption.internal.Keys.Kek;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The registry's {@code /dek-registry/v1} as the executors call it, on the serde's registry URLs
 * and credentials. KEKs and numbered DEK versions never change once read, so they are cached
 * without expiry; the latest version ({@code -1}) is cached until this client creates a newer one.
 * Answers: a KEK or DEK, or null on 404 (get) and 409 (create: someone else was first).
 */
final class DekRegistry {
  static final int LATEST = -1;
  private static final String KEKS = "/dek-registry/v1/keks";

  private final HttpTransport transport;
  private final BoundedCache<String, Kek> keks;
  private final BoundedCache<DekKey, Dek> deks;

  private record DekKey(String kekName, String subject, int version, DekFormat algorithm, boolean deleted) {}

  DekRegistry(ClientConfig config) {
    this.transport = new HttpTransport(config);
    this.keks = new BoundedCache<>(config.cacheCapacity());
    this.deks = new BoundedCache<>(config.cacheCapacity());
  }

  Kek kek(String name) throws IOException, RestClientException {
    Kek cached = keks.get(name);
    if (cached != null) {
      return cached;
    }
    Kek kek = unless(404, () -> Kek.of(transport.send("GET", KEKS + "/" + segment(name) + "?deleted=false", null)));
    if (kek != null) {
      keks.put(name, kek);
    }
    return kek;
  }

  Kek createKek(String name, String kmsType, String kmsKeyId) throws IOException, RestClientException {
    ObjectNode body = Json.MAPPER.createObjectNode().put("name", name).put("kmsType", kmsType)
        .put("kmsKeyId", kmsKeyId).put("shared", false);
    Kek kek = unless(409, () -> Kek.of(transport.send("POST", KEKS, body)));
    if (kek != null) {
      keks.put(name, kek);
    }
    return kek;
  }

  /** A DEK version ({@link #LATEST} for the newest); {@code deleted} also finds soft-deleted ones, as readers must. */
  Dek dek(String kekName, String subject, int version, DekFormat algorithm, boolean deleted)
      throws IOException, RestClientException {
    DekKey key = new DekKey(kekName, subject, version, algorithm, deleted);
    Dek cached = deks.get(key);
    if (cached != null) {
      return cached;
    }
    Dek dek = unless(404, () -> Dek.of(transport.send("GET", KEKS + "/" + segment(kekName) + "/deks/"
        + segment(subject) + "/versions/" + version + "?algorithm=" + algorithm + "&deleted=" + deleted, null)));
    if (dek == null || dek.encryptedKeyMaterial() == null) {
      return null;
    }
    deks.put(key, dek);
    return dek;
  }

  /** Creates a DEK version; {@code encryptedKeyMaterial} is null under a shared KEK (the registry makes it). */
  Dek createDek(String kekName, String subject, int version, DekFormat algorithm, String encryptedKeyMaterial)
      throws IOException, RestClientException {
    ObjectNode body = Json.MAPPER.createObjectNode().put("subject", subject).put("version", version)
        .put("algorithm", algorithm.name());
    if (encryptedKeyMaterial != null) {
      body.put("encryptedKeyMaterial", encryptedKeyMaterial);
    }
    Dek dek = unless(409, () -> Dek.of(transport.send("POST", KEKS + "/" + segment(kekName) + "/deks", body)));
    forgetLatest(kekName, subject, algorithm);
    if (dek != null) {
      deks.put(new DekKey(kekName, subject, dek.version(), algorithm, false), dek);
    }
    return dek;
  }

  private interface Call<T> {
    T run() throws IOException, RestClientException;
  }

  /** The call's answer, or null when the registry answers {@code status} (not found, or a conflict). */
  private static <T> T unless(int status, Call<T> call) throws IOException, RestClientException {
    try {
      return call.run();
    } catch (RestClientException e) {
      if (e.status() == status) {
        return null;
      }
      throw e;
    }
  }

  private void forgetLatest(String kekName, String subject, DekFormat algorithm) {
    deks.remove(new DekKey(kekName, subject, LATEST, algorithm, false));
    deks.remove(new DekKey(kekName, subject, LATEST, algorithm, true));
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
