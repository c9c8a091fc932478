package dev.stele.registry;

import dev.stele.kms.DekFormat;
import dev.stele.kms.KmsDriver;
import dev.stele.kms.KmsKey;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.KeyOptions;
import dev.stele.registry.model.KeyRequests;
import dev.stele.registry.model.Keys.Dek;
import dev.stele.registry.model.Keys.Kek;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.read.KeyReads;
import dev.stele.registry.state.KeyTable.KekEntry;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.write.DekDecisions;
import dev.stele.registry.write.KekDecisions;
import dev.stele.registry.write.Writer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KeyRegistry} over the node's state and writer. The KMS work of shared KEKs (wrapping a
 * new DEK, unwrapping one for an answer) runs on a pool of its own, never on the writer thread or
 * the caller's event loop: a remote KMS may take its time, and nothing else should wait for it.
 * Failures are logged and answered without key material.
 */
final class KeyRegistryService implements KeyRegistry, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRegistryService.class);

  private final RegistryState state;
  private final Writer writer;
  private final KeyOptions options;
  private final ExecutorService kms = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "stele-kms");
    t.setDaemon(true);
    return t;
  });

  KeyRegistryService(RegistryState state, Writer writer, KeyOptions options) {
    this.state = state;
    this.writer = writer;
    this.options = options;
  }

  @Override
  public List<String> kekNames(KeyRequests.ListKeks request) {
    return KeyReads.kekNames(state, request.deleted());
  }

  @Override
  public Kek kek(KeyRequests.GetKek request) {
    return KeyReads.kek(state, request.name(), request.deleted());
  }

  @Override
  public CompletionStage<Kek> createKek(KeyRequests.CreateKek request) {
    return writer.submit(s -> KekDecisions.create(request, s, options.maxKeys(), this::hasDriver))
        .thenApply(name -> KeyReads.kek(state, name, true));
  }

  @Override
  public CompletionStage<Kek> updateKek(KeyRequests.UpdateKek request) {
    return writer.submit(s -> KekDecisions.update(request, s, this::hasDriver))
        .thenApply(name -> KeyReads.kek(state, name, true));
  }

  @Override
  public CompletionStage<Void> deleteKek(KeyRequests.DeleteKek request) {
    return writer.submit(s -> KekDecisions.delete(request, s));
  }

  @Override
  public CompletionStage<Void> undeleteKek(KeyRequests.UndeleteKek request) {
    return writer.submit(s -> KekDecisions.undelete(request, s));
  }

  @Override
  public CompletionStage<Kek> testKek(String name) {
    KekEntry kek = KeyReads.visibleKek(state, name, false);
    return onKms(() -> {
      roundTrip(kek);
      return KeyReads.toKek(kek);
    });
  }

  @Override
  public CompletionStage<Void> testKms(String kmsType, String kmsKeyId,
      java.util.Map<String, String> kmsProps) {
    KekEntry candidate = new KekEntry("(new)", new dev.stele.registry.log.RegistryRecord.KekValue(
        KekDecisions.normalizeKmsType(kmsType), kmsKeyId,
        kmsProps == null ? null : new java.util.TreeMap<>(kmsProps), null, true, false), 0);
    return onKms(() -> {
      roundTrip(candidate);
      return null;
    });
  }

  /** Wraps a fresh key and unwraps it again: the KMS answers and the key is the same. */
  private void roundTrip(KekEntry kek) {
    byte[] probe = DekFormat.AES128_GCM.newKeyMaterial();
    String what = "Could not test kek " + kek.name();
    try {
      KmsDriver driver = options.drivers().find(kek.value().kmsType()).orElseThrow(() ->
          ErrorCode.DEK_GENERATION.exception(what + ": this registry has no KMS driver for '"
              + kek.value().kmsType() + "'"));
      byte[] back = driver.unwrap(key(kek), driver.wrap(key(kek), probe));
      if (!Arrays.equals(back, probe)) {
        throw ErrorCode.DEK_GENERATION.exception(what + ": the KMS did not give the key back");
      }
    } catch (GeneralSecurityException e) {
      throw kmsFailure(what, e);
    }
  }

  @Override
  public List<String> dekSubjects(KeyRequests.ListDekSubjects request) {
    return KeyReads.dekSubjects(state, request);
  }

  @Override
  public List<Integer> dekVersions(KeyRequests.ListDekVersions request) {
    return KeyReads.dekVersions(state, request);
  }

  @Override
  public CompletionStage<Dek> dek(KeyRequests.GetDek request) {
    Dek dek = KeyReads.dek(state, request);
    return withKeyMaterial(dek);
  }

  @Override
  public CompletionStage<Dek> createDek(KeyRequests.CreateDek request) {
    KekEntry kek = state.keys().kek(request.kekName());
    CompletionStage<String> generated = CompletableFuture.completedFuture(null);
    if (request.encryptedKeyMaterial() == null && kek != null && kek.value().shared()) {
      DekFormat algorithm = KeyReads.algorithm(request.algorithm());
      generated = onKms(() -> generate(kek, algorithm, request.subject()));
    }
    return generated
        .thenCompose(material -> writer.submit(
            s -> DekDecisions.create(request, s, options.maxKeys(), material)))
        .thenCompose(created -> dek(new KeyRequests.GetDek(created.kekName(), created.subject(),
            created.version(), created.algorithm(), true)));
  }

  @Override
  public CompletionStage<Void> deleteDek(KeyRequests.DeleteDek request) {
    return writer.submit(s -> DekDecisions.delete(request, s));
  }

  @Override
  public CompletionStage<Void> undeleteDek(KeyRequests.UndeleteDek request) {
    return writer.submit(s -> DekDecisions.undelete(request, s));
  }

  private boolean hasDriver(String kmsType) {
    return options.drivers().find(kmsType).isPresent();
  }

  /** The DEK with its raw material when its KEK is shared (unwrapped on the KMS pool). */
  private CompletionStage<Dek> withKeyMaterial(Dek dek) {
    KekEntry kek = state.keys().kek(dek.kekName());
    if (kek == null || !kek.value().shared() || dek.encryptedKeyMaterial() == null) {
      return CompletableFuture.completedFuture(dek);
    }
    return onKms(() -> dek.withKeyMaterial(unwrap(kek, dek)));
  }

  private String generate(KekEntry kek, DekFormat algorithm, String subject) {
    byte[] raw = algorithm.newKeyMaterial();
    try {
      return Base64.getEncoder().encodeToString(driver(kek, subject, "encrypted").wrap(key(kek), raw));
    } catch (GeneralSecurityException e) {
      throw kmsFailure("Could not generate encrypted dek for " + subject, e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private String unwrap(KekEntry kek, Dek dek) {
    try {
      byte[] wrapped = Base64.getDecoder().decode(dek.encryptedKeyMaterial());
      return Base64.getEncoder().encodeToString(
          driver(kek, dek.subject(), "raw").unwrap(key(kek), wrapped));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw kmsFailure("Could not generate raw dek for " + dek.subject(), e);
    }
  }

  private KmsDriver driver(KekEntry kek, String subject, String what) {
    return options.drivers().find(kek.value().kmsType()).orElseThrow(() ->
        ErrorCode.DEK_GENERATION.exception("Could not generate " + what + " dek for " + subject
            + ": this registry has no KMS driver for '" + kek.value().kmsType() + "'"));
  }

  private static KmsKey key(KekEntry kek) {
    return new KmsKey(kek.value().kmsType(), kek.value().kmsKeyId(), kek.value().kmsProps());
  }

  /** 50070 with the KMS's reason (which names no key material), logged for the operator. */
  private static RegistryException kmsFailure(String what, Exception e) {
    LOG.warn("{}: {}", what, e.toString());
    return ErrorCode.DEK_GENERATION.exception(what + ": " + e.getMessage());
  }

  private <T> CompletionStage<T> onKms(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, kms);
  }

  @Override
  public void close() {
    kms.shutdownNow();
  }
}
