package dev.stele.registry.write;

import dev.stele.registry.model.Association;
import dev.stele.registry.model.Association.Lifecycle;
import dev.stele.registry.model.AssociationRequests.Info;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.registry.state.ContextIndex;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.SchemaReference;
import java.util.List;

/**
 * Confluent 8.x keeps a STRONG association and a schema reference apart: a subject its topic
 * owns is not shared, so no schema may reference it, and a subject some schema references cannot
 * become topic-owned. Checked from both sides, in every mode (IMPORT too, so that replication
 * cannot bring in the state either side forbids).
 */
final class StrongReferences {
  private StrongReferences() {}

  /**
   * Registration's side: 42205 when a reference of {@code referrer}'s schema names a subject
   * with a STRONG association (read in the referrer's context).
   */
  static void requireNoneStrong(String referrer, SchemaPayload payload, RegistryState state) {
    String context = QualifiedSubject.contextOf(referrer);
    for (SchemaReference ref : payload.references()) {
      String target = QualifiedSubject.qualifyWithParent(ref.subject(), context);
      for (Association a : state.associations().ofSubject(target)) {
        if (a.lifecycle() == Lifecycle.STRONG) {
          throw ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject '" + ref.subject()
              + "' has a strong association and cannot be referenced");
        }
      }
    }
  }

  /**
   * The association's side: 42206 when a schema references any version of {@code subject}
   * (soft-deleted versions and referrers count, since a soft delete can be undone), or when
   * another schema of the same request does, which is not registered yet.
   */
  static void requireUnreferenced(String subject, List<Info> request, RegistryState state) {
    if (referenced(subject, state) || requested(subject, request)) {
      throw ErrorCode.SUBJECT_REFERENCED.exception(QualifiedSubject.parse(subject).name());
    }
  }

  private static boolean referenced(String subject, RegistryState state) {
    SubjectHistory history = state.history(subject);
    if (history == null) {
      return false;
    }
    ContextIndex index = state.index(QualifiedSubject.contextOf(subject));
    for (VersionEntry entry : history.all()) {
      if (!index.referencedBy(new SubjectVersion(subject, entry.version())).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean requested(String subject, List<Info> request) {
    for (Info other : request) {
      if (other.schema() == null || other.subject() == null) {
        continue;
      }
      String context = QualifiedSubject.contextOf(other.subject());
      for (SchemaReference ref : other.schema().references()) {
        if (subject.equals(QualifiedSubject.qualifyWithParent(ref.subject(), context))) {
          return true;
        }
      }
    }
    return false;
  }
}
