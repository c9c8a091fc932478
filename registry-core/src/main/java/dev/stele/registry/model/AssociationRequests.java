package dev.stele.registry.model;

import dev.stele.registry.model.Association.Lifecycle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The requests and answers of Confluent 8.x's associations API ({@code /associations}), as
 * records: the HTTP edge parses bodies and query parameters into these, the core validates
 * them (42212 naming the property) and answers with these.
 */
public final class AssociationRequests {
  private AssociationRequests() {}

  /**
   * The filter of a read: {@code resourceType} (default {@code topic}), association types (none:
   * all), a lifecycle (null: both), and paging ({@code limit} negative: all).
   */
  public record Filter(String resourceType, List<String> associationTypes, Lifecycle lifecycle,
      int offset, int limit) {
    public Filter {
      resourceType = resourceType == null || resourceType.isEmpty() ? Association.TOPIC : resourceType;
      associationTypes = associationTypes == null ? List.of() : List.copyOf(associationTypes);
    }

    public boolean test(Association a) {
      return a.resourceType().equals(resourceType)
          && (associationTypes.isEmpty() || associationTypes.contains(a.associationType()))
          && (lifecycle == null || a.lifecycle() == lifecycle);
    }

    public <T> List<T> page(List<T> all) {
      int from = Math.min(Math.max(offset, 0), all.size());
      int to = limit < 0 ? all.size() : (int) Math.min((long) from + limit, all.size());
      return all.subList(from, to);
    }
  }

  /**
   * {@code GET /schemas}'s association filter, applied as Confluent 8.5's {@code getSchemas}
   * applies it: with none of its parameters every schema is listed, without associations; with
   * any, a subject's schemas are listed with its associations of that resource type (null: any)
   * and those association types (none: all), if it has some of the lifecycles asked for, or,
   * for {@code lifecycle=NONE}, if it has none of those associations.
   *
   * @param lifecycles the STRONG and WEAK asked for
   * @param unassociated {@code NONE} asked for: subjects without (matching) associations
   */
  public record SchemaFilter(String resourceType, List<String> associationTypes,
      Set<Lifecycle> lifecycles, boolean unassociated) {
    public static final SchemaFilter NONE = new SchemaFilter(null, List.of(), Set.of(), false);

    public SchemaFilter {
      associationTypes = associationTypes == null ? List.of() : List.copyOf(associationTypes);
      lifecycles = lifecycles == null ? Set.of() : Set.copyOf(lifecycles);
    }

    public boolean active() {
      return resourceType != null || !associationTypes.isEmpty() || !lifecycles.isEmpty() || unassociated;
    }

    /**
     * The associations a subject's schemas are listed with (empty: listed without), or nothing
     * when they are left out.
     */
    public Optional<List<Association>> select(Collection<Association> ofSubject) {
      if (!active()) {
        return Optional.of(List.of());
      }
      List<Association> matching = new ArrayList<>();
      for (Association a : ofSubject) {
        if ((resourceType == null || a.resourceType().equals(resourceType))
            && (associationTypes.isEmpty() || associationTypes.contains(a.associationType()))) {
          matching.add(a);
        }
      }
      if (matching.isEmpty()) {
        return unassociated ? Optional.of(List.of()) : Optional.empty();
      }
      if (lifecycles.isEmpty()) {
        // Only NONE asked for, and the subject has associations: left out.
        return unassociated ? Optional.empty() : Optional.of(matching);
      }
      matching.removeIf(a -> !lifecycles.contains(a.lifecycle()));
      return matching.isEmpty() ? Optional.empty() : Optional.of(matching);
    }
  }

  /**
   * One association of a create or upsert: every field may be left out (defaults apply as in
   * Confluent: type {@code value}; with a schema, STRONG and frozen; else WEAK).
   *
   * @param schema a schema to register under the subject with the association, or null
   */
  public record Info(String subject, String associationType, Lifecycle lifecycle, Boolean frozen,
      SchemaPayload schema, boolean normalize) {
    public Info withSubject(String newSubject) {
      return new Info(newSubject, associationType, lifecycle, frozen, schema, normalize);
    }

    public Info withDefaults(String type, Lifecycle newLifecycle, Boolean newFrozen) {
      return new Info(subject, type, newLifecycle, newFrozen, schema, normalize);
    }
  }

  /**
   * {@code POST /associations} ({@code create}) or {@code PUT /associations/resources/{id}}.
   *
   * @param context the {@code context} query parameter: subjects without one are read in it
   */
  public record Upsert(boolean create, boolean dryRun, String context, String resourceName,
      String resourceNamespace, String resourceId, String resourceType, List<Info> associations) {
    public Upsert {
      associations = associations == null ? null : List.copyOf(associations);
    }

    public Upsert with(String type, List<Info> infos) {
      return new Upsert(create, dryRun, context, resourceName, resourceNamespace, resourceId, type,
          infos);
    }
  }

  /** {@code DELETE /associations/resources/{resourceId}}. */
  public record Delete(String resourceId, String resourceType, List<String> associationTypes,
      boolean cascadeLifecycle, boolean dryRun) {
    public Delete {
      resourceType = resourceType == null || resourceType.isEmpty() ? Association.TOPIC : resourceType;
      associationTypes = associationTypes == null ? List.of() : List.copyOf(associationTypes);
    }
  }

  /** One query of {@code POST /associations:batchGet}: by id when it has one, else by name. */
  public record Get(String resourceName, String resourceNamespace, String resourceId,
      Filter filter) {}

  /** One association of an answer; {@code schema} only when one was registered or asked for. */
  public record InfoResult(String subject, String associationType, Lifecycle lifecycle,
      boolean frozen, SchemaVersion schema) {}

  /** Confluent's {@code AssociationResponse}: a resource and its associations. */
  public record Response(String resourceName, String resourceNamespace, String resourceId,
      String resourceType, List<InfoResult> associations) {
    public Response {
      associations = List.copyOf(associations);
    }
  }

  /** What one operation of a batch mutation does. */
  public enum OpType { CREATE, UPSERT, DELETE }

  /** One operation: its association ({@code DELETE}: only its type is read). */
  public record Op(OpType type, Info info, boolean cascadeLifecycle) {}

  /**
   * One entry of {@code POST /associations:batchMutate}: a resource and its operations, or the
   * error its body had ({@code ops} then empty).
   */
  public record Mutation(String resourceName, String resourceNamespace, String resourceId,
      String resourceType, List<Op> ops, RegistryException error) {
    public Mutation {
      ops = List.copyOf(ops);
    }
  }

  /** One entry of a batch's answer: a response or the error it met. */
  public record BatchResult(RegistryException error, Response result) {}
}
