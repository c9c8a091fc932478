package dev.stele.registry;

import dev.stele.registry.log.RegistryRecord.KekValue;
import dev.stele.registry.model.KeyOptions;
import dev.stele.registry.model.KeyRequests;
import dev.stele.registry.model.Keys.Dek;
import dev.stele.registry.model.Keys.Kek;
import dev.stele.registry.model.Mode;
import dev.stele.registry.read.KeyReads;
import dev.stele.registry.read.Scopes;
import dev.stele.registry.state.KeyTable.KekEntry;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.write.DekDecisions;
import dev.stele.registry.write.KekDecisions;
import dev.stele.registry.write.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link KeyRegistry} over the node's state and writer. The KMS work of shared KEKs goes to
 * {@link KeyWrapping}: a new DEK is made and wrapped before its command is queued, so the writer
 * only checks and appends.
 */
final class KeyRegistryService implements KeyRegistry, AutoCloseable {
  private final RegistryState state;
  private final Writer writer;
  private final int maxKeys;
  private final KeyWrapping kms;

  KeyRegistryService(RegistryState state, Writer writer, KeyOptions options) {
    this.state = state;
    this.writer = writer;
    this.maxKeys = options.maxKeys();
    this.kms = new KeyWrapping(options.drivers());
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
    return writer.submit(s -> KekDecisions.create(request, s, maxKeys, kms::hasDriver))
        .thenApply(name -> KeyReads.kek(state, name, true));
  }

  @Override
  public CompletionStage<Kek> updateKek(KeyRequests.UpdateKek request) {
    return writer.submit(s -> KekDecisions.update(request, s, kms::hasDriver))
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
    return kms.test(name, kek.value()).thenApply(tested -> KeyReads.toKek(kek));
  }

  @Override
  public CompletionStage<Void> testKms(String kmsType, String kmsKeyId, Map<String, String> kmsProps) {
    KekValue candidate = new KekValue(KekDecisions.normalizeKmsType(kmsType), kmsKeyId,
        kmsProps == null ? null : new TreeMap<>(kmsProps), null, true, false);
    return kms.test("(new)", candidate);
  }

  @Override
  public List<String> dekSubjects(KeyRequests.ListDekSubjects request) {
    return KeyReads.dekSubjects(state, request);
  }

  @Override
  public List<Integer> dekVersions(KeyRequests.ListDekVersions request) {
    return KeyReads.dekVersions(state, request);
  }

  /** The DEK, with its raw material when its KEK is shared. */
  @Override
  public CompletionStage<Dek> dek(KeyRequests.GetDek request) {
    Dek dek = KeyReads.dek(state, request);
    KekEntry kek = state.keys().kek(dek.kekName());
    if (kek == null || !kek.value().shared() || dek.encryptedKeyMaterial() == null) {
      return CompletableFuture.completedFuture(dek);
    }
    return kms.unwrap(kek.value(), dek.encryptedKeyMaterial(), dek.subject())
        .thenApply(dek::withKeyMaterial);
  }

  @Override
  public CompletionStage<Dek> createDek(KeyRequests.CreateDek request) {
    KekEntry kek = state.keys().kek(request.kekName());
    CompletionStage<String> generated = CompletableFuture.completedFuture(null);
    if (request.encryptedKeyMaterial() == null && kek != null && kek.value().shared()) {
      generated = kms.generate(kek.value(), KeyReads.algorithm(request.algorithm()), request.subject());
    }
    return generated
        .thenCompose(material -> writer.submit(s -> DekDecisions.create(request, s, maxKeys, material)))
        .thenCompose(created -> {
          KeyRequests.GetDek written = new KeyRequests.GetDek(created.kekName(), created.subject(),
              created.version(), created.algorithm(), true);
          // As Confluent: a DEK imported (the subject in IMPORT mode) is answered without the
          // raw material, which the importer brought wrapped and has no need to see again.
          return Scopes.effectiveMode(state, created.subject()) == Mode.IMPORT
              ? CompletableFuture.completedFuture(KeyReads.dek(state, written)) : dek(written);
        });
  }

  @Override
  public CompletionStage<Void> deleteDek(KeyRequests.DeleteDek request) {
    return writer.submit(s -> DekDecisions.delete(request, s));
  }

  @Override
  public CompletionStage<Void> undeleteDek(KeyRequests.UndeleteDek request) {
    return writer.submit(s -> DekDecisions.undelete(request, s));
  }

  @Override
  public void close() {
    kms.close();
  }
}
