package dev.stele.maven;

import dev.stele.client.RegisteredSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * References resolved to text for a parse on this machine: a reference without a version to a
 * subject of this run is read from that subject's file, so schemas that reference each other
 * validate before any of them is registered; any other is read from the registry.
 */
final class LocalReferences {
  /** One version of a subject from the registry; a null version means the latest. */
  @FunctionalInterface
  interface Registry {
    RegisteredSchema get(String subject, Integer version) throws MojoExecutionException;
  }

  private final Map<String, SubjectSchema> local;
  private final Registry registry;

  LocalReferences(Map<String, SubjectSchema> local, Registry registry) {
    this.local = Map.copyOf(local);
    this.registry = registry;
  }

  List<ResolvedReference> resolve(SubjectSchema schema) throws MojoExecutionException {
    return resolve(schema.references(), new LinkedHashSet<>(List.of(schema.subject())));
  }

  private List<ResolvedReference> resolve(List<Reference> references, Set<String> path)
      throws MojoExecutionException {
    List<ResolvedReference> resolved = new ArrayList<>();
    for (Reference reference : references) {
      String target = reference.subject() + (reference.version() == null ? "" : " version " + reference.version());
      if (!path.add(target)) {
        throw new MojoExecutionException("references: the schemas reference each other in a cycle: "
            + String.join(" -> ", path) + " -> " + target);
      }
      SubjectSchema file = reference.version() == null ? local.get(reference.subject()) : null;
      if (file != null) {
        resolved.add(new ResolvedReference(new SchemaReference(reference.name(), reference.subject(), -1),
            file.format().type(), file.text(), resolve(file.references(), path)));
      } else {
        RegisteredSchema stored = registry.get(reference.subject(), reference.version());
        List<Reference> nested = new ArrayList<>();
        for (SchemaReference next : stored.schema().references()) {
          nested.add(new Reference(next.name(), next.subject(), next.version() < 1 ? null : next.version()));
        }
        resolved.add(new ResolvedReference(new SchemaReference(reference.name(), reference.subject(),
            stored.version()), stored.schema().type(), stored.schema().text(), resolve(nested, path)));
      }
      path.remove(target);
    }
    return resolved;
  }
}
