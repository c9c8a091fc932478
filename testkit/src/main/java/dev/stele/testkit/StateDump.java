package dev.stele.testkit;

import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.registry.log.SchemaGuids;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a {@link RegistryState} answers through its reads, as one text, so that two states
 * built in different ways (a replay, a snapshot and a tail) can be compared whole and a
 * difference shows in the assertion's diff.
 */
public final class StateDump {
  private StateDump() {}

  public static String of(RegistryState state) {
    StringBuilder out = new StringBuilder();
    out.append("counts subjects=").append(state.subjectCount()).append(" versions=")
        .append(state.versionCount()).append(" schemas=").append(state.schemaCount()).append('\n');
    Set<String> contexts = new TreeSet<>(state.contextNames());
    contexts.add(QualifiedSubject.contextOf("x"));
    for (Map.Entry<String, SubjectHistory> subject : state.subjects().entrySet()) {
      contexts.add(QualifiedSubject.contextOf(subject.getKey()));
      for (VersionEntry entry : subject.getValue().all()) {
        out.append("subject ").append(subject.getKey()).append(" v").append(entry.version())
            .append(" id=").append(entry.schema().id()).append(entry.deleted() ? " deleted" : "")
            .append(" ts=").append(entry.timestamp()).append('\n');
      }
    }
    out.append("contexts ").append(state.contextNames()).append('\n');
    for (String context : contexts) {
      var index = state.index(context);
      out.append("context ").append(context).append(" maxId=").append(index.maxId()).append('\n');
      for (int id = 1; id <= index.maxId(); id++) {
        StoredSchema schema = index.byId(id);
        if (schema == null) {
          continue;
        }
        SchemaContent content = schema.content();
        out.append("  id ").append(id).append(' ').append(content.schemaType()).append(' ')
            .append(content.schema()).append(" refs=").append(content.references())
            .append(" metadata=").append(content.metadata()).append(" rules=")
            .append(content.ruleSet()).append(" idOf=").append(index.idOf(content))
            .append(" guidIds=").append(index.idsOfGuid(SchemaGuids.of(content)))
            .append(" usages=").append(new TreeSet<>(index.usages(id).stream()
                .map(SubjectVersion::toString).toList())).append('\n');
        for (SubjectVersion usage : index.usages(id)) {
          Set<Integer> by = index.referencedBy(usage);
          if (!by.isEmpty()) {
            out.append("  referencedBy ").append(usage).append(' ').append(new TreeSet<>(by)).append('\n');
          }
        }
      }
    }
    for (String scope : new TreeSet<>(nullSafe(state.configScopes()))) {
      out.append("config ").append(scope).append(' ').append(state.config(unNull(scope))).append('\n');
    }
    for (String scope : new TreeSet<>(nullSafe(state.modeScopes()))) {
      out.append("mode ").append(scope).append(' ').append(state.mode(unNull(scope))).append('\n');
    }
    state.keys().keks().forEach(kek -> out.append("kek ").append(kek).append('\n'));
    state.keys().keks().forEach(kek -> state.keys().deks(kek.name())
        .forEach(dek -> out.append("dek ").append(dek).append('\n')));
    return out.toString();
  }

  private static final String GLOBAL = "<global>";

  private static Set<String> nullSafe(Set<String> scopes) {
    Set<String> safe = new TreeSet<>();
    scopes.forEach(scope -> safe.add(scope == null ? GLOBAL : scope));
    return safe;
  }

  private static String unNull(String scope) {
    return GLOBAL.equals(scope) ? null : scope;
  }
}
