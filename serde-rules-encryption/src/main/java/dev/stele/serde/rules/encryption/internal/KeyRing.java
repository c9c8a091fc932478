package dev.stele.serde.rules.encryption.internal;

import dev.stele.client.RestClientException;
import dev.stele.client.internal.BoundedCache;
import dev.stele.kms.KmsDriver;
import dev.stele.kms.KmsDrivers;
import dev.stele.kms.KmsKey;
import dev.stele.serde.rules.encryption.EncryptParams;
import dev.stele.serde.rules.encryption.internal.Keys.Dek;
import dev.stele.serde.rules.encryption.internal.Keys.Kek;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the DEK a rule needs, as Confluent's clients do. A writer gets the KEK (registering it on
 * first use from the rule's {@code encrypt.kms.type} and {@code encrypt.kms.key.id}) and the DEK
 * of its subject and algorithm, version 1, or the latest when DEKs rotate, making a new one when
 * there is none or the latest is older than the expiry: under a shared KEK the registry makes and
 * wraps it, else this client makes it and wraps it through the KMS driver. A reader only reads,
 * soft-deleted DEKs included. A DEK's raw material comes from the registry (shared KEK) or from
 * unwrapping it through the driver, once per DEK version: opened keys are cached.
 *
 * <p>Thread-safe: the caches are concurrent, and two threads that race to create a DEK both end
 * with the one the registry kept (the second gets 409 and reads it).
 */
public final class KeyRing {
  private static final long MILLIS_IN_DAY = 24L * 60 * 60 * 1000;
  private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);

  private final DekRegistry registry;
  private final KmsDrivers drivers;
  private final Map<String, String> clientProps;
  private final LongSupplier clock;
  private final BoundedCache<Dek, DataKey> opened = new BoundedCache<>(1000);
  /**
   * The key each rule and subject writes or reads with, as the look-ups below last answered: one
   * map get per field instead of three (KEK, DEK, opened key) and the KEK's checks. A writer's
   * entry is used while its DEK has not expired; an expired one takes the full way again.
   */
  private final BoundedCache<Use, DataKey> ready = new BoundedCache<>(1000);

  private record Use(KeyParams params, String subject, int version, boolean reading) {}

  /**
   * The key last written or read with, matched by the params' identity (kept per rule by
   * {@link KeyParams#of}) and the subject's text: a serde writes one subject under one rule
   * record after record, and hashing a {@link Use} into {@link #ready} was about 70 ns of a field.
   */
  private record Last(KeyParams params, String subject, int version, DataKey key) {
    boolean is(KeyParams params, String subject, int version) {
      return this.params == params && this.version == version && this.subject.equals(subject);
    }
  }

  private volatile Last lastWrite;
  private volatile Last lastRead;

  KeyRing(DekRegistry registry, KmsDrivers drivers, Map<String, String> clientProps, LongSupplier clock) {
    this.registry = registry;
    this.drivers = drivers;
    this.clientProps = Map.copyOf(clientProps);
    this.clock = clock;
  }

  /** The key to encrypt with now under {@code params} for {@code subject}. */
  DataKey forWriting(KeyParams params, String subject) throws GeneralSecurityException, IOException,
      RestClientException {
    int version = params.rotates() ? DekRegistry.LATEST : 1;
    Last last = lastWrite;
    if (last != null && last.is(params, subject, version) && !expired(params, last.key().dek())) {
      return last.key();
    }
    Use use = new Use(params, subject, version, false);
    DataKey known = ready.get(use);
    if (known != null && !expired(params, known.dek())) {
      lastWrite = new Last(params, subject, version, known);
      return known;
    }
    Kek kek = kek(params, true);
    Dek dek = registry.dek(params.kekName(), subject, version, params.algorithm(), false);
    if (dek == null || expired(params, dek)) {
      int newVersion = dek == null ? 1 : dek.version() + 1;
      String wrapped = kek.shared() ? null : Base64.getEncoder().encodeToString(
          wrap(kek, params.algorithm().newKeyMaterial()));
      Dek made;
      try {
        made = registry.createDek(params.kekName(), subject, newVersion, params.algorithm(), wrapped);
      } catch (IOException | RestClientException e) {
        if (dek == null) {
          throw e;
        }
        // As Confluent's clients: an expired DEK still encrypts safely; better than failing the record.
        LOG.warn("Could not create DEK version {} of KEK {} for subject {}; writing with version {}: {}",
            newVersion, params.kekName(), subject, dek.version(), e.getMessage());
        return open(kek, dek);
      }
      if (made == null) {
        made = registry.dek(params.kekName(), subject, newVersion, params.algorithm(), false);
      }
      if (made == null) {
        throw new GeneralSecurityException("could not create DEK version " + newVersion + " of KEK "
            + params.kekName() + " for subject " + subject + ", nor read the one another writer made");
      }
      dek = made;
    }
    DataKey key = open(kek, dek);
    ready.put(use, key);
    return key;
  }

  private boolean expired(KeyParams params, Dek dek) {
    return params.rotates() && (clock.getAsLong() - dek.ts()) / MILLIS_IN_DAY >= params.expiryDays();
  }

  /** The key a ciphertext of DEK {@code version} (1 when DEKs do not rotate) was made with. */
  DataKey forReading(KeyParams params, String subject, int version) throws GeneralSecurityException,
      IOException, RestClientException {
    Last last = lastRead;
    if (last != null && last.is(params, subject, version)) {
      return last.key();
    }
    Use use = new Use(params, subject, version, true);
    DataKey known = ready.get(use);
    if (known != null) {
      lastRead = new Last(params, subject, version, known);
      return known;
    }
    Kek kek = kek(params, false);
    Dek dek = registry.dek(params.kekName(), subject, version, params.algorithm(), true);
    if (dek == null) {
      throw new GeneralSecurityException("no DEK version " + version + " of KEK " + params.kekName()
          + " for subject " + subject + " (" + params.algorithm() + ") in the DEK registry");
    }
    DataKey key = open(kek, dek);
    ready.put(use, key);
    return key;
  }

  private Kek kek(KeyParams params, boolean writing) throws GeneralSecurityException, IOException,
      RestClientException {
    Kek kek = registry.kek(params.kekName());
    if (kek == null) {
      if (!writing) {
        throw new GeneralSecurityException("no KEK " + params.kekName() + " in the DEK registry");
      }
      if (params.kmsType() == null || params.kmsKeyId() == null) {
        throw new GeneralSecurityException("KEK " + params.kekName() + " is not in the DEK registry, and the"
            + " rule cannot register it: it needs both " + EncryptParams.KMS_TYPE + " and "
            + EncryptParams.KMS_KEY_ID);
      }
      kek = registry.createKek(params.kekName(), params.kmsType(), params.kmsKeyId());
      if (kek == null) {
        kek = registry.kek(params.kekName());
      }
      if (kek == null) {
        throw new GeneralSecurityException("could not register KEK " + params.kekName());
      }
    }
    if (params.kmsType() != null && !params.kmsType().equals(kek.kmsType())) {
      throw new GeneralSecurityException("KEK " + kek.name() + " has kmsType " + kek.kmsType()
          + ", but the rule's " + EncryptParams.KMS_TYPE + " is " + params.kmsType());
    }
    if (params.kmsKeyId() != null && !params.kmsKeyId().equals(kek.kmsKeyId())) {
      throw new GeneralSecurityException("KEK " + kek.name() + " has kmsKeyId " + kek.kmsKeyId()
          + ", but the rule's " + EncryptParams.KMS_KEY_ID + " is " + params.kmsKeyId());
    }
    return kek;
  }

  private DataKey open(Kek kek, Dek dek) throws GeneralSecurityException {
    DataKey key = opened.get(dek);
    if (key == null) {
      byte[] material = dek.keyMaterial() != null ? Base64.getDecoder().decode(dek.keyMaterial())
          : unwrap(kek, Base64.getDecoder().decode(dek.encryptedKeyMaterial()));
      key = DataKey.open(dek, material);
      opened.put(dek, key);
    }
    return key;
  }

  private interface KmsCall {
    byte[] run(KmsDriver driver, KmsKey key) throws GeneralSecurityException;
  }

  private byte[] wrap(Kek kek, byte[] material) throws GeneralSecurityException {
    return withKeys(kek, "wrap a new DEK with", (driver, key) -> driver.wrap(key, material));
  }

  private byte[] unwrap(Kek kek, byte[] wrapped) throws GeneralSecurityException {
    return withKeys(kek, "unwrap a DEK of", (driver, key) -> driver.unwrap(key, wrapped));
  }

  /** The first answer of the KEK's key, then of each alternate key id; the last failure when none answers. */
  private byte[] withKeys(Kek kek, String what, KmsCall call) throws GeneralSecurityException {
    KmsDriver driver = driver(kek);
    GeneralSecurityException last = null;
    for (String keyId : keyIds(kek)) {
      try {
        return call.run(driver, kek.withKeyId(keyId).kmsKey(clientProps));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new GeneralSecurityException("could not " + what + " KEK " + kek.name() + ": " + last.getMessage(), last);
  }

  /** The KEK's key id, then the alternates from its kmsProps, else from this client's params. */
  private List<String> keyIds(Kek kek) {
    List<String> ids = new ArrayList<>(List.of(kek.kmsKeyId()));
    String alternates = kek.kmsProps().get(EncryptParams.ALTERNATE_KMS_KEY_IDS);
    if (alternates == null) {
      alternates = clientProps.get(EncryptParams.ALTERNATE_KMS_KEY_IDS);
    }
    if (alternates != null) {
      for (String id : alternates.split(",")) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
    }
    return ids;
  }

  private KmsDriver driver(Kek kek) throws GeneralSecurityException {
    return drivers.find(kek.kmsType()).orElseThrow(() -> new GeneralSecurityException("KEK " + kek.name()
        + " is held by kmsType " + kek.kmsType() + ", for which no KMS driver is on the class path (drivers: "
        + String.join(", ", drivers.types()) + "); add that driver's module, or use a shared KEK"));
  }
}
