package dev.stele.registry.write;

import static dev.stele.registry.write.AssociationChecks.invalid;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.AssocRecord;
import dev.stele.registry.log.RegistryRecord.AssocValue;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.model.Association;
import dev.stele.registry.model.Association.Lifecycle;
import dev.stele.registry.model.AssociationRequests.Delete;
import dev.stele.registry.model.AssociationRequests.Filter;
import dev.stele.registry.model.AssociationRequests.Info;
import dev.stele.registry.model.AssociationRequests.Upsert;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.read.Scopes;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.registry.write.Writer.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creating, changing and deleting associations against the state, in the order of Confluent
 * 8.x's registry: subjects qualified in the request's context, the resource's stored
 * associations by id, each association's lifecycle and frozen rules, one lifecycle per
 * resource, then the subject's other associations (a STRONG one owns its subject). A request
 * that carries schemas is decided twice: before they are registered ({@code registered} false,
 * with no records) and after, for the records.
 */
public final class AssociationDecisions {
  private AssociationDecisions() {}

  /** Whether the subject already holds this schema (a look-up, made by the caller). */
  @FunctionalInterface
  public interface SchemaCheck {
    boolean holds(String subject, Info info);
  }

  /**
   * @param u a request {@link AssociationChecks#validate validated} already
   * @param registered the request's schemas are registered: write the records
   * @return the associations written (none for a dry run or a first pass)
   */
  public static Decision<List<Association>> upsert(Upsert u, RegistryState state,
      boolean registered, SchemaCheck check, long now) {
    List<Info> infos = qualified(u, state);
    Map<String, Association> existing = new LinkedHashMap<>();
    for (Association a : state.associations().matching(a -> a.resourceId().equals(u.resourceId())
        && a.resourceType().equals(u.resourceType()))) {
      existing.put(a.associationType(), a);
    }
    List<Info> written = new ArrayList<>();
    for (Info info : infos) {
      Association old = existing.get(info.associationType());
      Info settled = settle(u, info, old, state, registered, check);
      if (settled != null) {
        written.add(settled);
      }
    }
    checkUniformLifecycle(infos, existing);
    for (Info info : infos) {
      checkSubject(info, existing.get(info.associationType()), infos, state);
    }
    if (u.dryRun() || !registered) {
      return Decision.answer(List.of());
    }
    List<RegistryRecord> records = new ArrayList<>();
    List<Association> result = new ArrayList<>();
    for (Info info : written) {
      Association old = existing.get(info.associationType());
      Lifecycle lifecycle = info.lifecycle() != null ? info.lifecycle() : old.lifecycle();
      boolean frozen = info.frozen() != null ? info.frozen() : old != null && old.frozen();
      Association a = old == null
          ? new Association(info.subject(), UUID.randomUUID().toString(), u.resourceName(),
              u.resourceNamespace(), u.resourceId(), u.resourceType(), info.associationType(),
              lifecycle, frozen, now, now)
          : new Association(old.subject(), old.guid(), old.resourceName(), old.resourceNamespace(),
              old.resourceId(), old.resourceType(), old.associationType(), lifecycle, frozen,
              old.createTs(), now);
      records.add(new AssocRecord(a.key(), new AssocValue(a.guid(), a.resourceId(), a.lifecycle(),
          a.frozen(), a.createTs())));
      result.add(a);
    }
    return new Decision<>(records, result);
  }

  /** Subjects read in the request's context; one association per type; none read-only. */
  private static List<Info> qualified(Upsert u, RegistryState state) {
    String context = u.context() == null || u.context().isEmpty() ? QualifiedSubject.DEFAULT_CONTEXT
        : u.context();
    List<Info> infos = new ArrayList<>();
    LinkedHashSet<String> types = new LinkedHashSet<>();
    for (Info info : u.associations()) {
      if (info.subject() != null) {
        String subject = QualifiedSubject.qualifyWithParent(info.subject(), context);
        requireWritable(subject, state);
        info = info.withSubject(subject);
      }
      if (!types.add(info.associationType())) {
        throw invalid("associationType", "may only appear once per request, but '"
            + info.associationType() + "' appears more than once");
      }
      infos.add(info);
    }
    return infos;
  }

  /** The association's rules against the stored one; null when it is already as asked. */
  private static Info settle(Upsert u, Info info, Association old, RegistryState state,
      boolean registered, SchemaCheck check) {
    if (old == null && !u.create()) {
      info = AssociationChecks.withDefaults(info, false);
    }
    String defaultSubject = AssociationChecks.defaultSubject(u, info.associationType());
    if (info.subject() == null) {
      if (old != null) {
        info = info.withSubject(old.subject());
      } else if (info.lifecycle() == Lifecycle.STRONG) {
        info = info.withSubject(QualifiedSubject.parse(defaultSubject).qualified());
      } else {
        throw invalid("subject", "must be provided for WEAK associations");
      }
    }
    String subject = info.subject();
    boolean isDefault = subject.equals(QualifiedSubject.parse(defaultSubject).qualified());
    Lifecycle lifecycle = info.lifecycle() != null ? info.lifecycle()
        : old != null ? old.lifecycle() : null;
    if (lifecycle == null) {
      throw invalid("lifecycle", "lifecycle must be set");
    }
    if (lifecycle == Lifecycle.WEAK) {
      if (info.schema() != null) {
        throw invalid("lifecycle", "cannot be WEAK when schema is provided");
      }
      if (isDefault) {
        throw invalid("subject", "WEAK associations cannot use subject '" + defaultSubject + "'");
      }
    }
    boolean frozen = old != null ? old.frozen() : Boolean.TRUE.equals(info.frozen());
    boolean requestedFrozen = info.frozen() != null ? info.frozen() : frozen;
    if (requestedFrozen != (lifecycle == Lifecycle.STRONG)) {
      throw invalid("frozen", String.format("association with lifecycle of %s cannot be frozen=%s",
          lifecycle, requestedFrozen));
    }
    if (frozen && !isDefault) {
      throw invalid("subject", "frozen associations must use subject '" + defaultSubject + "'");
    }
    boolean importing = Scopes.effectiveMode(state, subject) == Mode.IMPORT;
    if (old == null) {
      if (!u.create() && lifecycle == Lifecycle.STRONG && !importing) {
        throw invalid("lifecycle", "cannot be STRONG when creating an association; "
            + "STRONG associations must be created with the topic");
      }
      if (Boolean.TRUE.equals(info.frozen()) && !importing) {
        if (u.create() && info.schema() == null) {
          throw invalid("schema", "schema must be provided when creating a frozen association");
        }
        VersionEntry latest = latest(state, subject);
        if (!registered && latest != null
            && (latest.version() != 1 || !check.holds(subject, info))) {
          throw invalid("frozen",
              "cannot create a frozen association when schemas already exist in the subject");
        }
      }
      return info;
    }
    if (equivalent(old, info)) {
      if (!registered && u.create() && info.schema() != null && !check.holds(subject, info)) {
        throw ErrorCode.ASSOCIATION_FOR_RESOURCE_EXISTS.exception(old.associationType(),
            old.resourceName());
      }
      return null;
    }
    if (u.create()) {
      throw ErrorCode.ASSOCIATION_FOR_RESOURCE_EXISTS.exception(old.associationType(),
          old.resourceName());
    }
    if (info.lifecycle() == null && info.schema() == null) {
      throw invalid("lifecycle", "at least lifecycle or schema must be provided for update");
    }
    if (!old.subject().equals(subject)) {
      throw invalid("subject", "subject of association cannot be changed from '" + old.subject()
          + "' to '" + subject + "'");
    }
    if (old.lifecycle() == Lifecycle.STRONG && info.lifecycle() == Lifecycle.WEAK && isDefault) {
      throw invalid("lifecycle", "cannot change to WEAK when subject matches default format '"
          + defaultSubject + "'");
    }
    if (info.frozen() != null && old.frozen() != info.frozen()) {
      throw invalid("frozen", "frozen attribute of association cannot be changed");
    }
    if (old.frozen()) {
      throw ErrorCode.ASSOCIATION_FROZEN.exception(old.associationType(), old.subject());
    }
    return info;
  }

  private static boolean equivalent(Association old, Info info) {
    return old.subject().equals(info.subject())
        && old.associationType().equals(info.associationType())
        && (info.lifecycle() == null || info.lifecycle() == old.lifecycle())
        && (info.frozen() == null || info.frozen() == old.frozen());
  }

  /** A topic is either topic-owned (STRONG) or shared (WEAK) across all its association types. */
  private static void checkUniformLifecycle(List<Info> infos, Map<String, Association> existing) {
    Map<String, Lifecycle> byType = new LinkedHashMap<>();
    existing.forEach((type, a) -> byType.put(type, a.lifecycle()));
    for (Info info : infos) {
      if (info.lifecycle() != null) {
        byType.put(info.associationType(), info.lifecycle());
      }
    }
    if (byType.values().stream().distinct().count() > 1) {
      throw invalid("lifecycle", "all associations for a resource must have the same lifecycle, "
          + "but got " + byType.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", ")));
    }
  }

  /**
   * The subject's side: a version to associate with, no association that excludes this, and for
   * a STRONG one no schema referencing the subject ({@link StrongReferences}).
   */
  private static void checkSubject(Info info, Association old, List<Info> request, RegistryState state) {
    String subject = info.subject();
    if (info.schema() != null && Scopes.effectiveMode(state, subject) == Mode.IMPORT) {
      throw invalid("schema", "cannot be provided while subject '" + subject + "' is in IMPORT mode");
    }
    if (info.schema() == null && latest(state, subject) == null) {
      throw ErrorCode.NO_ACTIVE_SUBJECT_VERSION.exception(subject);
    }
    List<Association> others = state.associations().matching(a -> a.subject().equals(subject)
        && (old == null || !a.key().equals(old.key())));
    Lifecycle lifecycle = info.lifecycle() != null ? info.lifecycle() : old.lifecycle();
    if (lifecycle == Lifecycle.STRONG) {
      if (!others.isEmpty()) {
        throw ErrorCode.ASSOCIATION_FOR_SUBJECT_EXISTS.exception(subject);
      }
      StrongReferences.requireUnreferenced(subject, request, state);
    }
    if (lifecycle == Lifecycle.WEAK && others.stream().anyMatch(a -> a.lifecycle() == Lifecycle.STRONG)) {
      throw ErrorCode.STRONG_ASSOCIATION_FOR_SUBJECT_EXISTS.exception(subject);
    }
  }

  /**
   * {@code DELETE /associations/resources/{id}}: a frozen association goes only with
   * {@code cascadeLifecycle}, which also deletes a STRONG association's subject for good (its
   * versions, config and mode), as Confluent's soft then permanent delete leaves it.
   */
  public static Decision<Void> delete(Delete d, RegistryState state) {
    Filter filter = new Filter(d.resourceType(), d.associationTypes(), null, 0, -1);
    List<Association> found = state.associations().matching(
        a -> a.resourceId().equals(d.resourceId()) && filter.test(a));
    if (found.isEmpty()) {
      throw ErrorCode.ASSOCIATION_NOT_FOUND.exception(d.resourceId());
    }
    for (Association a : found) {
      requireWritable(a.subject(), state);
      if (!d.cascadeLifecycle() && a.frozen()) {
        throw ErrorCode.ASSOCIATION_FROZEN.exception(a.associationType(), a.subject());
      }
    }
    if (d.dryRun()) {
      return Decision.answer(null);
    }
    List<RegistryRecord> records = new ArrayList<>();
    for (Association a : found) {
      records.add(new AssocRecord(a.key(), null));
      if (d.cascadeLifecycle() && a.lifecycle() == Lifecycle.STRONG
          && Scopes.effectiveMode(state, a.subject()) != Mode.IMPORT) {
        dropSubject(a.subject(), state, records);
      }
    }
    return new Decision<>(records, null);
  }

  private static void dropSubject(String subject, RegistryState state, List<RegistryRecord> records) {
    SubjectHistory history = state.history(subject);
    if (history != null) {
      List<VersionEntry> all = history.all();
      for (int i = all.size() - 1; i >= 0; i--) {
        records.add(new SchemaRecord(subject, all.get(i).version(), null));
      }
    }
    Deletion.forgetSettings(subject, state, records);
  }

  private static VersionEntry latest(RegistryState state, String subject) {
    SubjectHistory history = state.history(subject);
    return history == null ? null : history.latestLive();
  }

  private static void requireWritable(String subject, RegistryState state) {
    if (Scopes.effectiveMode(state, subject).readOnly()) {
      QualifiedSubject qs = QualifiedSubject.parse(subject);
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + qs.name() + " in context "
          + qs.context() + " is in read-only mode");
    }
  }
}
