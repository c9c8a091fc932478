package dev.stele.registry.write;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.KekRecord;
import dev.stele.registry.log.RegistryRecord.KekValue;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.KeyRequests;
import dev.stele.registry.model.Keys;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.state.KeyTable.DekEntry;
import dev.stele.registry.state.KeyTable.KekEntry;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.write.Writer.Decision;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The DEK registry's KEK writes, as the Confluent registry decides them: a create of an existing
 * KEK is refused (40971) unless it re-creates a soft-deleted one exactly as it was; a KEK with
 * live DEKs cannot be soft-deleted, one with any DEK not permanently deleted (42272); a
 * permanent delete needs a soft one first (40471). A shared KEK needs a KMS driver for its
 * kmsType on this server (42271), since the server wraps its DEKs.
 */
public final class KekDecisions {
  private KekDecisions() {}

  /**
   * @param hasDriver whether this server has a KMS driver for a kmsType
   * @return the KEK's name once written (the service reads the stored KEK back, with its ts)
   */
  public static Decision<String> create(KeyRequests.CreateKek request, RegistryState state,
      int maxKeys, Predicate<String> hasDriver) {
    if (state.keys().kekCount() > maxKeys) {
      throw ErrorCode.TOO_MANY_KEYS.exception(maxKeys);
    }
    KekValue value = new KekValue(normalizeKmsType(request.kmsType()), request.kmsKeyId(),
        new TreeMap<>(request.kmsProps() == null ? Map.of() : request.kmsProps()), request.doc(),
        request.shared(), request.deleted());
    requireDriver(value, hasDriver);
    KekEntry old = state.keys().kek(request.name());
    if (old != null && (old.value().deleted() == request.deleted() || !equivalent(old.value(), value))) {
      throw ErrorCode.KEY_ALREADY_EXISTS.exception(request.name());
    }
    return new Decision<>(List.of(new KekRecord(request.name(), value)), request.name());
  }

  /** Changes kmsProps, doc or shared of a live KEK; nothing is written when nothing changes. */
  public static Decision<String> update(KeyRequests.UpdateKek request, RegistryState state,
      Predicate<String> hasDriver) {
    KekEntry old = state.keys().kek(request.name());
    if (old == null || old.value().deleted()) {
      throw ErrorCode.KEY_NOT_FOUND.exception(request.name());
    }
    KekValue was = old.value();
    KekValue value = new KekValue(was.kmsType(), was.kmsKeyId(),
        request.kmsProps() == null ? was.kmsProps() : Keys.mergeSecrets(request.kmsProps(), was.kmsProps()),
        request.doc() == null ? was.doc() : request.doc(),
        request.shared() == null ? was.shared() : request.shared(), false);
    if (equivalent(was, value)) {
      return Decision.answer(request.name());
    }
    requireDriver(value, hasDriver);
    return new Decision<>(List.of(new KekRecord(request.name(), value)), request.name());
  }

  public static Decision<Void> delete(KeyRequests.DeleteKek request, RegistryState state) {
    KekEntry old = state.keys().kek(request.name());
    if (old == null) {
      throw ErrorCode.KEY_NOT_FOUND.exception(request.name());
    }
    List<DekEntry> deks = state.keys().deks(request.name());
    boolean referenced = deks.stream().anyMatch(d -> request.permanent() || !d.value().deleted());
    if (referenced) {
      throw ErrorCode.KEY_REFERENCE_EXISTS.exception(request.name());
    }
    if (request.permanent()) {
      if (!old.value().deleted()) {
        throw ErrorCode.KEY_NOT_SOFT_DELETED.exception(request.name());
      }
      return new Decision<>(List.of(new KekRecord(request.name(), null)), null);
    }
    return old.value().deleted() ? Decision.answer(null)
        : new Decision<>(List.of(new KekRecord(request.name(), old.value().withDeleted(true))), null);
  }

  public static Decision<Void> undelete(KeyRequests.UndeleteKek request, RegistryState state) {
    KekEntry old = state.keys().kek(request.name());
    if (old == null) {
      throw ErrorCode.KEY_NOT_FOUND.exception(request.name());
    }
    List<RegistryRecord> records = old.value().deleted()
        ? List.of(new KekRecord(request.name(), old.value().withDeleted(false))) : List.of();
    return new Decision<>(records, null);
  }

  /** Confluent's spellings: any aws..., azure..., gcp... kind is its driver's one name. */
  public static String normalizeKmsType(String kmsType) {
    String lower = kmsType.toLowerCase(Locale.ROOT);
    if (lower.startsWith("aws")) {
      return "aws-kms";
    } else if (lower.startsWith("azure")) {
      return "azure-kms";
    } else if (lower.startsWith("gcp")) {
      return "gcp-kms";
    }
    return kmsType;
  }

  private static void requireDriver(KekValue value, Predicate<String> hasDriver) {
    if (value.shared() && !hasDriver.test(value.kmsType())) {
      throw new RegistryException(ErrorCode.INVALID_KEY,
          String.format("Invalid or missing value for field '%s' of key", "kmsType")
              + ": this registry has no KMS driver for '" + value.kmsType()
              + "', so it cannot wrap the DEKs of a shared KEK of that kind");
    }
  }

  private static boolean equivalent(KekValue a, KekValue b) {
    return a.kmsType().equals(b.kmsType()) && a.kmsKeyId().equals(b.kmsKeyId())
        && a.kmsProps().equals(b.kmsProps()) && Objects.equals(a.doc(), b.doc())
        && a.shared() == b.shared();
  }
}
