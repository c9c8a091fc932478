package dev.stele.registry;

import dev.stele.registry.model.Association;
import dev.stele.registry.model.AssociationRequests;
import dev.stele.registry.model.AssociationRequests.BatchResult;
import dev.stele.registry.model.AssociationRequests.Delete;
import dev.stele.registry.model.AssociationRequests.Filter;
import dev.stele.registry.model.AssociationRequests.Info;
import dev.stele.registry.model.AssociationRequests.InfoResult;
import dev.stele.registry.model.AssociationRequests.Response;
import dev.stele.registry.model.AssociationRequests.Upsert;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.write.AssociationChecks;
import dev.stele.registry.write.AssociationDecisions;
import dev.stele.registry.write.Writer;
import dev.stele.schema.TagEdit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link Associations}: reads from the durable state; a write is decided on the node's one
 * {@link Writer}. A create that carries schemas is decided once without writing (so that a
 * refused request registers nothing), then its schemas are registered through the
 * {@link Registry} with all of a registration's checks, then it is decided again and written.
 * The two steps are not one transaction: a request that fails between them leaves the schemas
 * registered, as Confluent's registry (which registers, then writes) does.
 */
final class AssociationService implements Associations {
  private final RegistryState state;
  private final Writer writer;
  private final Registry registry;

  AssociationService(RegistryState state, Writer writer, Registry registry) {
    this.state = state;
    this.writer = writer;
    this.registry = registry;
  }

  @Override
  public List<Association> bySubject(String subject, Filter filter) {
    return filter.page(state.associations().matching(
        a -> a.subject().equals(subject) && filter.test(a)));
  }

  @Override
  public List<Association> byResourceId(String resourceId, Filter filter) {
    return filter.page(state.associations().matching(
        a -> a.resourceId().equals(resourceId) && filter.test(a)));
  }

  @Override
  public List<Association> byResourceName(String namespace, String name, Filter filter) {
    boolean any = namespace.equals("-");
    return filter.page(state.associations().matching(a -> a.resourceName().equals(name)
        && (any || a.resourceNamespace().equals(namespace)) && filter.test(a)));
  }

  @Override
  public CompletionStage<Response> upsert(Upsert request) {
    Upsert u = AssociationChecks.validate(request);
    long now = System.currentTimeMillis();
    boolean carriesSchemas = u.associations().stream().anyMatch(i -> i.schema() != null);
    if (!carriesSchemas || u.dryRun()) {
      return writer.submit(pending -> AssociationDecisions.upsert(u, pending, true, this::holds, now))
          .thenApply(written -> response(u, written, Map.of()));
    }
    return writer.submit(pending -> AssociationDecisions.upsert(u, pending, false, this::holds, now))
        .thenCompose(checked -> registerSchemas(u))
        .thenCompose(schemas -> writer.submit(
                pending -> AssociationDecisions.upsert(u, pending, true, this::holds, now))
            .thenApply(written -> response(u, written, schemas)));
  }

  /** Registers each association's schema in turn; the versions by association type. */
  private CompletionStage<Map<String, SchemaVersion>> registerSchemas(Upsert u) {
    CompletionStage<Map<String, SchemaVersion>> done = CompletableFuture.completedFuture(new HashMap<>());
    for (Info given : u.associations()) {
      if (given.schema() == null) {
        continue;
      }
      String subject = subjectOf(u, given);
      done = done.thenCompose(schemas -> registry.register(new Requests.Register(subject,
              given.schema(), given.normalize(), null, null, TagEdit.NONE, false))
          .thenApply(registered -> {
            schemas.put(given.associationType(), registry.version(new Requests.GetVersion(subject,
                String.valueOf(registered.version()), false, null, List.of())).version());
            return schemas;
          }));
    }
    return done;
  }

  /** The subject a validated association names: given (in the request's context) or defaulted. */
  private static String subjectOf(Upsert u, Info info) {
    String context = u.context() == null || u.context().isEmpty() ? "." : u.context();
    return dev.stele.registry.model.QualifiedSubject.qualifyWithParent(info.subject(), context);
  }

  /** Whether the subject holds this schema already (Confluent looks it up under the subject). */
  private boolean holds(String subject, Info info) {
    try {
      registry.lookup(new Requests.Lookup(subject, info.schema(), info.normalize(), false));
      return true;
    } catch (RegistryException e) {
      return false;
    }
  }

  private static Response response(Upsert u, List<Association> written,
      Map<String, SchemaVersion> schemas) {
    List<InfoResult> infos = new ArrayList<>();
    for (Association a : written) {
      infos.add(new InfoResult(a.subject(), a.associationType(), a.lifecycle(), a.frozen(),
          schemas.get(a.associationType())));
    }
    return new Response(u.resourceName(), u.resourceNamespace(), u.resourceId(), u.resourceType(),
        infos);
  }

  @Override
  public CompletionStage<Void> delete(Delete request) {
    return writer.submit(pending -> AssociationDecisions.delete(request, pending));
  }

  @Override
  public List<BatchResult> batchGet(List<AssociationRequests.Get> queries, boolean includeSchemas) {
    List<BatchResult> results = new ArrayList<>();
    for (AssociationRequests.Get query : queries) {
      boolean byId = query.resourceId() != null && !query.resourceId().isEmpty();
      if (!byId && (query.resourceName() == null || query.resourceName().isEmpty())) {
        results.add(new BatchResult(AssociationChecks.invalid("resourceName",
            "cannot be null or empty"), null));
        continue;
      }
      List<Association> found = byId ? byResourceId(query.resourceId(), query.filter())
          : byResourceName(query.resourceNamespace() == null ? "-" : query.resourceNamespace(),
              query.resourceName(), query.filter());
      Association first = found.isEmpty() ? null : found.get(0);
      List<InfoResult> infos = new ArrayList<>();
      for (Association a : found) {
        infos.add(new InfoResult(a.subject(), a.associationType(), a.lifecycle(), a.frozen(),
            includeSchemas ? latest(a.subject()) : null));
      }
      results.add(new BatchResult(null, new Response(
          query.resourceName() != null || first == null ? query.resourceName() : first.resourceName(),
          query.resourceNamespace() != null || first == null ? query.resourceNamespace()
              : first.resourceNamespace(),
          query.resourceId() != null || first == null ? query.resourceId() : first.resourceId(),
          query.filter().resourceType(), infos)));
    }
    return results;
  }

  private SchemaVersion latest(String subject) {
    SubjectHistory history = state.history(subject);
    if (history == null || history.latestLive() == null) {
      return null;
    }
    var entry = history.latestLive();
    return new SchemaVersion(subject, entry.version(), entry.schema(), false, entry.timestamp());
  }

  @Override
  public CompletionStage<List<BatchResult>> batchMutate(List<AssociationRequests.Mutation> mutations,
      boolean dryRun, String context) {
    return new BatchMutation(this, dryRun, context).run(mutations);
  }

  /** A failure as the error of a batch entry: the core's own, or Confluent's 50001 wording. */
  static RegistryException asError(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause instanceof RegistryException e ? e
        : ErrorCode.STORE_ERROR.exception("Error while creating association: " + cause.getMessage());
  }
}
