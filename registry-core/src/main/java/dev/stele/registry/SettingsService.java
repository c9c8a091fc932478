package dev.stele.registry;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ClearSubjectRecord;
import dev.stele.registry.log.RegistryRecord.ConfigRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.Requests;
import dev.stele.registry.read.Scopes;
import dev.stele.registry.read.SubjectLookup;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.registry.write.SubjectRules;
import dev.stele.registry.write.Writer;
import dev.stele.registry.write.Writer.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Config and mode per scope (../shared/API.md §1.3 Config and Mode, §2.6, §2.11). */
record SettingsService(RegistryState state, Writer writer, NodeOptions options) implements Settings {
  @Override
  public Config config(Requests.GetConfig request) {
    String subject = SubjectLookup.canonical(request.subject());
    if (subject == null || request.defaultToGlobal()) {
      return Scopes.effectiveConfig(state, subject, options);
    }
    Config own = state.config(subject);
    if (own == null) {
      throw ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED.exception(subject);
    }
    return Scopes.withDefaultLevel(own, options);
  }

  @Override
  public CompletionStage<Config> updateConfig(Requests.UpdateConfig request) {
    String subject = SubjectLookup.canonical(request.subject());
    Config update = request.update();
    // The default context named as a subject ("" or ":.:") is the global scope for a change.
    String scope = subject == null || subject.isEmpty() ? null : SubjectRules.requireValidScope(subject);
    return writer.submit(pending -> {
      if (scope != null && Scopes.effectiveMode(pending, scope).readOnly()) {
        throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject " + scope + " is in read-only mode");
      }
      Config own = pending.config(scope);
      Config merged = update.over(own == null ? Config.EMPTY : own);
      return new Decision<>(List.of(new ConfigRecord(scope, merged)), update);
    });
  }

  @Override
  public CompletionStage<Config> deleteConfig(Requests.DeleteConfig request) {
    String subject = SubjectLookup.canonical(request.subject());
    return writer.submit(pending -> {
      Config own = pending.config(subject);
      if (subject == null) {
        Config previous = Scopes.effectiveConfig(pending, null, options);
        return own == null ? Decision.answer(previous)
            : new Decision<>(List.of(new ConfigRecord(null, null)), previous);
      }
      if (own == null) {
        throw ErrorCode.SUBJECT_NOT_FOUND.exception(subject);
      }
      return new Decision<>(List.of(new ConfigRecord(subject, null)), own);
    });
  }

  @Override
  public Mode mode(Requests.GetMode request) {
    String subject = SubjectLookup.canonical(request.subject());
    if (subject == null || request.defaultToGlobal()) {
      return Scopes.effectiveMode(state, subject);
    }
    Mode own = ownMode(state, subject);
    if (own == null) {
      throw ErrorCode.SUBJECT_MODE_NOT_CONFIGURED.exception(subject);
    }
    return own;
  }

  @Override
  public CompletionStage<Mode> updateMode(Requests.UpdateMode request) {
    String subject = SubjectLookup.canonical(request.subject());
    String modeName = request.mode();
    boolean force = request.force();
    String scope = subject == null ? null : SubjectRules.requireValidScope(subject);
    Mode mode = Mode.parse(modeName).orElseThrow(() -> ErrorCode.INVALID_MODE.exception(
        "Invalid mode. Valid values are READWRITE, READONLY, and IMPORT."));
    if (mode == Mode.FORWARD && !Scopes.GLOBAL_CONTEXT_SCOPE.equals(scope)) {
      throw ErrorCode.INVALID_MODE.exception("Forward mode only supported on global level");
    }
    return writer.submit(pending -> {
      List<RegistryRecord> records = new ArrayList<>();
      if (mode == Mode.IMPORT && pending.mode(scope) != Mode.IMPORT) {
        List<String> inScope = subjectsInScope(pending, scope);
        if (!force && inScope.stream().anyMatch(s -> pending.history(s).hasLive())) {
          throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Cannot import since found existing subjects");
        }
        if (!force) {
          inScope.forEach(s -> clearDeleted(s, pending.history(s), records));
        }
      }
      records.add(new ModeRecord(scope, mode));
      return new Decision<>(records, mode);
    });
  }

  @Override
  public CompletionStage<Mode> deleteMode(Requests.DeleteMode request) {
    String subject = SubjectLookup.canonical(request.subject());
    boolean recursive = request.recursive();
    return writer.submit(pending -> {
      List<RegistryRecord> records = new ArrayList<>();
      Mode previous = subject == null ? Scopes.effectiveMode(pending, null) : ownMode(pending, subject);
      if (previous == null) {
        throw ErrorCode.SUBJECT_NOT_FOUND.exception(subject);
      }
      if (pending.mode(subject) != null) {
        records.add(new ModeRecord(subject, null));
      }
      if (recursive) {
        for (String scope : pending.modeScopes()) {
          if (scope != null && isInScope(scope, subject)) {
            records.add(new ModeRecord(scope, null));
          }
        }
      }
      return new Decision<>(records, previous);
    });
  }

  /**
   * A scope's own mode as the mode routes report it: under a global READONLY_OVERRIDE every scope
   * reports that (and may delete its own mode while it does); otherwise its own, or null.
   */
  private static Mode ownMode(RegistryState state, String scope) {
    return state.mode(null) == Mode.READONLY_OVERRIDE ? Mode.READONLY_OVERRIDE : state.mode(scope);
  }

  /** The subjects a mode scope governs: itself, a context's subjects, or the default context's. */
  private static List<String> subjectsInScope(RegistryState state, String scope) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, SubjectHistory> subject : state.subjects().entrySet()) {
      if (isInScope(subject.getKey(), scope)) {
        found.add(subject.getKey());
      }
    }
    return found;
  }

  private static boolean isInScope(String subject, String scope) {
    if (scope == null) {
      return QualifiedSubject.parse(subject).inDefaultContext();
    }
    QualifiedSubject qualified = QualifiedSubject.parse(scope);
    if (qualified.name().isEmpty()) {
      return QualifiedSubject.contextOf(subject).equals(qualified.context());
    }
    return subject.equals(scope);
  }

  /** Entering IMPORT drops what is left of soft-deleted versions, so imported ids cannot clash. */
  private static void clearDeleted(String subject, SubjectHistory history, List<RegistryRecord> records) {
    boolean any = false;
    for (VersionEntry entry : history.all()) {
      if (entry.deleted()) {
        records.add(new SchemaRecord(subject, entry.version(), null));
        any = true;
      }
    }
    if (any) {
      records.add(new ClearSubjectRecord(subject));
    }
  }
}
