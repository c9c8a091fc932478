package dev.stele.registry.write;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ConfigRecord;
import dev.stele.registry.log.RegistryRecord.ContextRecord;
import dev.stele.registry.log.RegistryRecord.DeleteSubjectRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.registry.model.Versions;
import dev.stele.registry.read.Scopes;
import dev.stele.registry.read.SubjectLookup;
import dev.stele.registry.state.ContextIndex;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.registry.write.Writer.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * Soft and permanent deletes of versions and subjects (../shared/API.md §2.4): a permanent delete
 * needs a soft one first, and a version that other schemas reference cannot go: a soft delete or
 * a subject's permanent delete is blocked by live referrers (once the referring subject is
 * soft-deleted, the Confluent registry lets the referenced subject go), a version's permanent
 * delete by any.
 */
public final class Deletion {
  private Deletion() {}

  public static Decision<Integer> version(Requests.DeleteVersion request, RegistryState state) {
    String subject = SubjectLookup.resolve(state, request.subject());
    int asked = Versions.parse(request.version());
    requireWritable(subject, state);
    SubjectHistory history = state.history(subject);
    if (history == null) {
      throw ErrorCode.SUBJECT_NOT_FOUND.exception(subject);
    }
    VersionEntry entry = asked == Versions.LATEST ? history.latestLive() : history.get(asked);
    if (entry == null) {
      throw ErrorCode.VERSION_NOT_FOUND.exception(asked);
    }
    int version = entry.version();
    List<RegistryRecord> records = new ArrayList<>(3);
    if (request.permanent()) {
      if (!entry.deleted()) {
        throw ErrorCode.SCHEMA_VERSION_NOT_SOFT_DELETED.exception(subject, version);
      }
      requireUnreferenced(subject, entry, state, false, false);
      records.add(new SchemaRecord(subject, version, null));
      if (history.all().size() == 1) {
        forgetSettings(subject, state, records);
      }
    } else {
      if (entry.deleted()) {
        throw ErrorCode.SCHEMA_VERSION_SOFT_DELETED.exception(subject, version);
      }
      requireUnreferenced(subject, entry, state, true, false);
      records.add(new SchemaRecord(subject, version, value(entry).withDeleted(true)));
    }
    return new Decision<>(records, version);
  }

  public static Decision<List<Integer>> subject(Requests.DeleteSubject request, RegistryState state) {
    String subject = SubjectLookup.resolve(state, request.subject());
    requireWritable(subject, state);
    SubjectHistory history = state.history(subject);
    if (history == null) {
      throw ErrorCode.SUBJECT_NOT_FOUND.exception(subject);
    }
    List<RegistryRecord> records = new ArrayList<>();
    List<Integer> versions = new ArrayList<>();
    if (request.permanent()) {
      List<VersionEntry> all = history.all();
      // References are checked first: the Confluent registry answers 42206 even for a subject
      // that was not soft-deleted yet.
      for (VersionEntry entry : all) {
        requireUnreferenced(subject, entry, state, true, true);
        versions.add(entry.version());
      }
      if (history.hasLive()) {
        throw ErrorCode.SUBJECT_NOT_SOFT_DELETED.exception(subject);
      }
      for (int i = all.size() - 1; i >= 0; i--) {
        records.add(new SchemaRecord(subject, all.get(i).version(), null));
      }
      forgetSettings(subject, state, records);
    } else {
      VersionEntry latest = history.latestLive();
      if (latest == null) {
        throw ErrorCode.SUBJECT_SOFT_DELETED.exception(subject);
      }
      for (VersionEntry entry : history.live()) {
        requireUnreferenced(subject, entry, state, true, true);
        versions.add(entry.version());
      }
      records.add(new DeleteSubjectRecord(subject, latest.version()));
    }
    return new Decision<>(records, versions);
  }

  /**
   * {@code DELETE /contexts/{context}}: a context that holds no subject stops being listed (a
   * soft-deleted subject still holds its schemas and counts). Its id index stays, so that no id
   * is handed out twice in it. Deleting a context that is not listed changes nothing; the default
   * context is always listed.
   */
  public static Decision<Void> context(Requests.DeleteContext request, RegistryState state) {
    String name = request.context().startsWith(".") ? request.context() : "." + request.context();
    for (String subject : holders(name, state)) {
      if (QualifiedSubject.contextOf(subject).equals(name)) {
        throw ErrorCode.CONTEXT_NOT_EMPTY.exception(name);
      }
    }
    if (name.equals(QualifiedSubject.DEFAULT_CONTEXT) || !state.contextNames().contains(name)) {
      return Decision.answer(null);
    }
    return new Decision<>(List.of(new ContextRecord(ContextRecord.DEFAULT_TENANT, name, true)), null);
  }

  /** The subjects that may be in a context: those under its prefix, or all for the default one. */
  private static Iterable<String> holders(String context, RegistryState state) {
    if (context.equals(QualifiedSubject.DEFAULT_CONTEXT)) {
      return state.subjects().keySet();
    }
    String prefix = ":" + context + ":";
    return state.subjects().subMap(prefix, true, prefix + Character.MAX_VALUE, false).keySet();
  }

  private static void requireWritable(String subject, RegistryState state) {
    if (Scopes.effectiveMode(state, subject).readOnly()) {
      throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + subject + " is in read-only mode");
    }
  }

  /**
   * 42206 when a schema references this version.
   *
   * @param liveOnly only referrers with a live version count (a soft delete)
   * @param otherSubjectsOnly references from the subject itself do not count (a subject delete)
   */
  private static void requireUnreferenced(String subject, VersionEntry entry, RegistryState state,
      boolean liveOnly, boolean otherSubjectsOnly) {
    ContextIndex index = state.index(QualifiedSubject.contextOf(subject));
    for (int referrer : index.referencedBy(new SubjectVersion(subject, entry.version()))) {
      for (SubjectVersion usage : index.usages(referrer)) {
        if (otherSubjectsOnly && usage.subject().equals(subject)) {
          continue;
        }
        VersionEntry using = state.history(usage.subject()) == null ? null
            : state.history(usage.subject()).get(usage.version());
        if (using != null && (!liveOnly || !using.deleted())) {
          throw ErrorCode.REFERENCE_EXISTS.exception(subject, entry.version());
        }
      }
    }
  }

  /** A subject that is gone for good takes its config and mode with it. */
  private static void forgetSettings(String subject, RegistryState state, List<RegistryRecord> records) {
    if (state.config(subject) != null) {
      records.add(new ConfigRecord(subject, null));
    }
    if (state.mode(subject) != null) {
      records.add(new ModeRecord(subject, null));
    }
  }

  private static SchemaValue value(VersionEntry entry) {
    StoredSchema schema = entry.schema();
    return new SchemaValue(schema.id(), schema.schemaType(), schema.references(), schema.metadata(),
        schema.ruleSet(), schema.schema(), entry.deleted());
  }
}
