package dev.stele.registry;

import dev.stele.kms.DekFormat;
import dev.stele.kms.KmsDriver;
import dev.stele.kms.KmsDrivers;
import dev.stele.kms.KmsKey;
import dev.stele.registry.log.RegistryRecord.KekValue;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RegistryException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KMS work of shared KEKs: making and wrapping a DEK, unwrapping one for an answer, testing
 * a KEK. It runs on a pool of its own, never on the writer thread or an event loop, because a
 * remote KMS may take its time and nothing else should wait for it. Assumption: drivers are
 * safe for concurrent use (the {@link KmsDriver} contract), so the pool needs no other lock.
 * Failures are 50070 with the KMS's reason, logged, never with key material.
 */
final class KeyWrapping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KeyWrapping.class);

  private final KmsDrivers drivers;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "stele-kms");
    t.setDaemon(true);
    return t;
  });

  KeyWrapping(KmsDrivers drivers) {
    this.drivers = drivers;
  }

  boolean hasDriver(String kmsType) {
    return drivers.find(kmsType).isPresent();
  }

  /** A new DEK of {@code algorithm} for {@code subject}, wrapped under the KEK (base64). */
  CompletionStage<String> generate(KekValue kek, DekFormat algorithm, String subject) {
    return async(() -> {
      String what = "Could not generate encrypted dek for " + subject;
      byte[] raw = algorithm.newKeyMaterial();
      try {
        return Base64.getEncoder().encodeToString(driver(kek, what).wrap(key(kek), raw));
      } catch (GeneralSecurityException e) {
        throw failure(what, e);
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    });
  }

  /** The raw DEK (base64) of what {@link #generate} or a client wrapped under the KEK. */
  CompletionStage<String> unwrap(KekValue kek, String encryptedKeyMaterial, String subject) {
    return async(() -> {
      String what = "Could not generate raw dek for " + subject;
      try {
        byte[] wrapped = Base64.getDecoder().decode(encryptedKeyMaterial);
        return Base64.getEncoder().encodeToString(driver(kek, what).unwrap(key(kek), wrapped));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw failure(what, e);
      }
    });
  }

  /** Wraps a fresh key and unwraps it again: the KMS answers and gives the same key back. */
  CompletionStage<Void> test(String name, KekValue kek) {
    return async(() -> {
      String what = "Could not test kek " + name;
      byte[] probe = DekFormat.AES128_GCM.newKeyMaterial();
      try {
        KmsDriver driver = driver(kek, what);
        if (!Arrays.equals(driver.unwrap(key(kek), driver.wrap(key(kek), probe)), probe)) {
          throw ErrorCode.DEK_GENERATION.exception(what + ": the KMS did not give the key back");
        }
        return null;
      } catch (GeneralSecurityException e) {
        throw failure(what, e);
      }
    });
  }

  private KmsDriver driver(KekValue kek, String what) {
    return drivers.find(kek.kmsType()).orElseThrow(() -> ErrorCode.DEK_GENERATION.exception(
        what + ": this registry has no KMS driver for '" + kek.kmsType() + "'"));
  }

  private static KmsKey key(KekValue kek) {
    return new KmsKey(kek.kmsType(), kek.kmsKeyId(), kek.kmsProps());
  }

  private static RegistryException failure(String what, Exception e) {
    LOG.warn("{}: {}", what, e.toString());
    return ErrorCode.DEK_GENERATION.exception(what + ": " + e.getMessage());
  }

  private <T> CompletionStage<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, pool);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
