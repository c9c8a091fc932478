package dev.stele.registry.read;

import dev.stele.kms.DekFormat;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.KeyRequests;
import dev.stele.registry.model.Keys.Dek;
import dev.stele.registry.model.Keys.Kek;
import dev.stele.registry.model.Versions;
import dev.stele.registry.state.KeyTable;
import dev.stele.registry.state.KeyTable.DekEntry;
import dev.stele.registry.state.KeyTable.KekEntry;
import dev.stele.registry.state.RegistryState;
import java.util.List;

/**
 * The DEK registry's reads: a soft-deleted key is visible only when asked for with
 * {@code deleted=true}, and a DEK is only reached through a KEK visible the same way (40470 for
 * the KEK first, then for the subject), as the Confluent registry answers.
 */
public final class KeyReads {
  /** The algorithm of a DEK named without one. */
  public static final DekFormat DEFAULT_ALGORITHM = DekFormat.AES256_GCM;

  private KeyReads() {}

  public static List<String> kekNames(RegistryState state, boolean deleted) {
    return state.keys().keks().stream().filter(k -> deleted || !k.value().deleted())
        .map(KekEntry::name).toList();
  }

  /** The KEK as stored (credentials included); 40470 when absent or hidden. */
  public static Kek kek(RegistryState state, String name, boolean deleted) {
    return toKek(visibleKek(state, name, deleted));
  }

  /** The KEK's entry, 40470 when it is absent or soft-deleted and not asked for. */
  public static KekEntry visibleKek(RegistryState state, String name, boolean deleted) {
    KekEntry kek = state.keys().kek(name);
    if (kek == null || kek.value().deleted() && !deleted) {
      throw ErrorCode.KEY_NOT_FOUND.exception(name);
    }
    return kek;
  }

  public static List<String> dekSubjects(RegistryState state, KeyRequests.ListDekSubjects request) {
    visibleKek(state, request.kekName(), request.deleted());
    return state.keys().deks(request.kekName()).stream()
        .filter(d -> request.deleted() || !d.value().deleted())
        .map(d -> d.id().subject()).distinct().sorted().toList();
  }

  public static List<Integer> dekVersions(RegistryState state, KeyRequests.ListDekVersions request) {
    visibleKek(state, request.kekName(), request.deleted());
    return versions(state.keys(), request.kekName(), request.subject(),
        algorithm(request.algorithm()), request.deleted()).stream()
        .map(d -> d.id().version()).toList();
  }

  /** One DEK version without key material; 40470 for a hidden KEK, then for a missing DEK. */
  public static Dek dek(RegistryState state, KeyRequests.GetDek request) {
    visibleKek(state, request.kekName(), request.deleted());
    DekEntry entry = find(state.keys(), request.kekName(), request.subject(), request.version(),
        algorithm(request.algorithm()), request.deleted());
    if (entry == null) {
      throw ErrorCode.KEY_NOT_FOUND.exception(request.subject());
    }
    return toDek(entry);
  }

  /** A version ({@link Versions#LATEST}: the latest one visible), or null. */
  public static DekEntry find(KeyTable keys, String kekName, String subject, int version,
      DekFormat algorithm, boolean deleted) {
    if (version == Versions.LATEST) {
      List<DekEntry> all = versions(keys, kekName, subject, algorithm, deleted);
      return all.isEmpty() ? null : all.get(all.size() - 1);
    }
    DekEntry entry = keys.dek(new KeyTable.DekId(kekName, subject, algorithm, version));
    return entry == null || entry.value().deleted() && !deleted ? null : entry;
  }

  public static List<DekEntry> versions(KeyTable keys, String kekName, String subject,
      DekFormat algorithm, boolean deleted) {
    return keys.versions(kekName, subject, algorithm).stream()
        .filter(d -> deleted || !d.value().deleted()).toList();
  }

  public static DekFormat algorithm(DekFormat asked) {
    return asked == null ? DEFAULT_ALGORITHM : asked;
  }

  public static Kek toKek(KekEntry e) {
    return new Kek(e.name(), e.value().kmsType(), e.value().kmsKeyId(), e.value().kmsProps(),
        e.value().doc(), e.value().shared(), e.ts(), e.value().deleted());
  }

  public static Dek toDek(DekEntry e) {
    return new Dek(e.id().kekName(), e.id().subject(), e.id().version(), e.id().algorithm(),
        e.value().encryptedKeyMaterial(), null, e.ts(), e.value().deleted());
  }
}
