package dev.stele.registry.write;

import dev.stele.kms.DekFormat;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.DekRecord;
import dev.stele.registry.log.RegistryRecord.DekValue;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.KeyRequests;
import dev.stele.registry.read.KeyReads;
import dev.stele.registry.state.KeyTable.DekEntry;
import dev.stele.registry.state.KeyTable.DekId;
import dev.stele.registry.state.KeyTable.KekEntry;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.write.Writer.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The DEK registry's DEK writes, as the Confluent registry decides them. A DEK is reached
 * through its KEK (40470 for the KEK, then for the subject); a create of an existing version is
 * refused (40971) unless it re-creates a soft-deleted one as it was; a permanent delete needs a
 * soft one first (40471); undeleting under a soft-deleted KEK is refused (40472).
 */
public final class DekDecisions {
  private DekDecisions() {}

  /** Where a created DEK lives, for the service to read it back once written. */
  public record Created(String kekName, String subject, int version, DekFormat algorithm) {}

  /**
   * @param generated the wrapped material the service made for a shared KEK when the request
   *     brought none (null otherwise); made off the writer thread, since a KMS may be remote
   */
  public static Decision<Created> create(KeyRequests.CreateDek request, RegistryState state,
      int maxKeys, String generated) {
    KekEntry kek = state.keys().kek(request.kekName());
    if (kek == null || kek.value().deleted() && !request.deleted()) {
      throw ErrorCode.KEY_NOT_FOUND.exception(request.kekName());
    }
    if (state.keys().dekCount() > maxKeys) {
      throw ErrorCode.TOO_MANY_KEYS.exception(maxKeys);
    }
    DekFormat algorithm = KeyReads.algorithm(request.algorithm());
    int version = request.version() == null ? 1 : request.version();
    String material = request.encryptedKeyMaterial();
    if (material == null) {
      if (!kek.value().shared() || generated == null) {
        throw ErrorCode.INVALID_KEY.exception("encryptedKeyMaterial");
      }
      material = generated;
    }
    DekEntry old = state.keys().dek(new DekId(request.kekName(), request.subject(), algorithm,
        version));
    if (old != null && (old.value().deleted() == request.deleted()
        || !Objects.equals(old.value().encryptedKeyMaterial(), material))) {
      throw ErrorCode.KEY_ALREADY_EXISTS.exception(request.subject());
    }
    DekRecord record = new DekRecord(request.kekName(), request.subject(), algorithm, version,
        new DekValue(material, request.deleted()));
    return new Decision<>(List.of(record),
        new Created(request.kekName(), request.subject(), version, algorithm));
  }

  /** Soft or permanent delete of one version, or of every version when none is named. */
  public static Decision<Void> delete(KeyRequests.DeleteDek request, RegistryState state) {
    List<DekEntry> targets = targets(state, request.kekName(), request.subject(),
        request.version(), request.algorithm());
    List<RegistryRecord> records = new ArrayList<>();
    if (request.permanent()) {
      for (DekEntry dek : targets) {
        if (!dek.value().deleted()) {
          throw ErrorCode.KEY_NOT_SOFT_DELETED.exception(request.subject());
        }
      }
      targets.forEach(dek -> records.add(record(dek, null)));
    } else {
      targets.stream().filter(dek -> !dek.value().deleted())
          .forEach(dek -> records.add(record(dek, dek.value().withDeleted(true))));
    }
    return new Decision<>(records, null);
  }

  public static Decision<Void> undelete(KeyRequests.UndeleteDek request, RegistryState state) {
    List<DekEntry> targets = targets(state, request.kekName(), request.subject(),
        request.version(), request.algorithm());
    if (state.keys().kek(request.kekName()).value().deleted()) {
      throw ErrorCode.KEY_SOFT_DELETED.exception(request.kekName());
    }
    List<RegistryRecord> records = new ArrayList<>();
    targets.stream().filter(dek -> dek.value().deleted())
        .forEach(dek -> records.add(record(dek, dek.value().withDeleted(false))));
    return new Decision<>(records, null);
  }

  /** The versions a delete or undelete acts on, soft-deleted ones included; 40470 for none. */
  private static List<DekEntry> targets(RegistryState state, String kekName, String subject,
      Integer version, DekFormat asked) {
    if (state.keys().kek(kekName) == null) {
      throw ErrorCode.KEY_NOT_FOUND.exception(kekName);
    }
    DekFormat algorithm = KeyReads.algorithm(asked);
    if (version == null) {
      List<DekEntry> all = KeyReads.versions(state.keys(), kekName, subject, algorithm, true);
      if (all.isEmpty()) {
        throw ErrorCode.KEY_NOT_FOUND.exception(subject);
      }
      return all;
    }
    DekEntry one = KeyReads.find(state.keys(), kekName, subject, version, algorithm, true);
    if (one == null) {
      throw ErrorCode.KEY_NOT_FOUND.exception(subject);
    }
    return List.of(one);
  }

  private static DekRecord record(DekEntry dek, DekValue value) {
    return new DekRecord(dek.id().kekName(), dek.id().subject(), dek.id().algorithm(),
        dek.id().version(), value);
  }
}
