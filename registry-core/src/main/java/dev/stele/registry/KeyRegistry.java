package dev.stele.registry;

import dev.stele.registry.model.KeyRequests;
import dev.stele.registry.model.Keys.Dek;
import dev.stele.registry.model.Keys.Kek;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The DEK registry (Confluent's {@code /dek-registry/v1}): key encryption keys, and the data
 * encryption keys wrapped by them per subject. Reads answer from the durable state; writes
 * complete once durable and applied. A KEK comes back as stored, credentials included: the
 * edge answers {@link Kek#redacted}. A DEK under a shared KEK comes back with its raw
 * {@code keyMaterial}, unwrapped by this server's KMS driver, which is why those calls may wait
 * on a KMS.
 */
public interface KeyRegistry {

  List<String> kekNames(KeyRequests.ListKeks request);

  Kek kek(KeyRequests.GetKek request);

  CompletionStage<Kek> createKek(KeyRequests.CreateKek request);

  CompletionStage<Kek> updateKek(KeyRequests.UpdateKek request);

  CompletionStage<Void> deleteKek(KeyRequests.DeleteKek request);

  CompletionStage<Void> undeleteKek(KeyRequests.UndeleteKek request);

  /**
   * Checks that this server's KMS driver can wrap and unwrap under the KEK (a live one): the
   * KEK when it can, else 50070 with the KMS's reason.
   */
  CompletionStage<Kek> testKek(String name);

  /** The same check for a KEK not yet written ({@code testSharing} on a create). */
  CompletionStage<Void> testKms(String kmsType, String kmsKeyId, java.util.Map<String, String> kmsProps);

  List<String> dekSubjects(KeyRequests.ListDekSubjects request);

  List<Integer> dekVersions(KeyRequests.ListDekVersions request);

  CompletionStage<Dek> dek(KeyRequests.GetDek request);

  CompletionStage<Dek> createDek(KeyRequests.CreateDek request);

  CompletionStage<Void> deleteDek(KeyRequests.DeleteDek request);

  CompletionStage<Void> undeleteDek(KeyRequests.UndeleteDek request);
}
