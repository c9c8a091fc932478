package dev.stele.registry;

import dev.stele.registry.model.Association;
import dev.stele.registry.model.AssociationRequests.BatchResult;
import dev.stele.registry.model.AssociationRequests.Delete;
import dev.stele.registry.model.AssociationRequests.Filter;
import dev.stele.registry.model.AssociationRequests.Info;
import dev.stele.registry.model.AssociationRequests.InfoResult;
import dev.stele.registry.model.AssociationRequests.Mutation;
import dev.stele.registry.model.AssociationRequests.Op;
import dev.stele.registry.model.AssociationRequests.OpType;
import dev.stele.registry.model.AssociationRequests.Response;
import dev.stele.registry.model.AssociationRequests.Upsert;
import dev.stele.registry.model.SchemaVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /associations:batchMutate}, as Confluent 8.x runs it: the entries one after the
 * other; in an entry, a run of creates (or of upserts) is one request, a delete its own; the
 * entry's answer is then the resource's associations, or the first error, which ends the entry
 * (its earlier operations stay) but not the batch.
 */
final class BatchMutation {
  private final AssociationService service;
  private final boolean dryRun;
  private final String context;

  BatchMutation(AssociationService service, boolean dryRun, String context) {
    this.service = service;
    this.dryRun = dryRun;
    this.context = context;
  }

  CompletionStage<List<BatchResult>> run(List<Mutation> mutations) {
    List<BatchResult> results = new ArrayList<>();
    CompletionStage<Void> done = CompletableFuture.completedFuture(null);
    for (Mutation mutation : mutations) {
      done = done.thenCompose(nothing -> entry(mutation)
          .handle((result, failure) -> failure == null ? result
              : new BatchResult(AssociationService.asError(failure), null))
          .thenAccept(results::add));
    }
    return done.thenApply(nothing -> results);
  }

  private CompletionStage<BatchResult> entry(Mutation m) {
    if (m.error() != null) {
      return CompletableFuture.completedFuture(new BatchResult(m.error(), null));
    }
    Map<String, SchemaVersion> schemas = new HashMap<>();
    CompletionStage<Void> done = CompletableFuture.completedFuture(null);
    List<Op> ops = m.ops();
    int index = 0;
    while (index < ops.size()) {
      Op op = ops.get(index);
      if (op.type() == OpType.DELETE) {
        Delete delete = new Delete(m.resourceId(), m.resourceType(),
            List.of(op.info().associationType() == null ? "value" : op.info().associationType()),
            op.cascadeLifecycle(), dryRun);
        done = done.thenCompose(nothing -> service.delete(delete));
        index++;
        continue;
      }
      List<Info> run = new ArrayList<>();
      int end = index;
      while (end < ops.size() && ops.get(end).type() == op.type()) {
        run.add(ops.get(end).info());
        end++;
      }
      Upsert upsert = new Upsert(op.type() == OpType.CREATE, dryRun, context, m.resourceName(),
          m.resourceNamespace(), m.resourceId(), m.resourceType(), run);
      done = done.thenCompose(nothing -> service.upsert(upsert)).thenAccept(response -> {
        for (InfoResult info : response.associations()) {
          if (info.schema() != null) {
            schemas.put(info.associationType(), info.schema());
          }
        }
      });
      index = end;
    }
    return done.thenApply(nothing -> {
      List<InfoResult> infos = new ArrayList<>();
      if (!dryRun) {
        for (Association a : service.byResourceId(m.resourceId(),
            new Filter(m.resourceType(), List.of(), null, 0, -1))) {
          infos.add(new InfoResult(a.subject(), a.associationType(), a.lifecycle(), a.frozen(),
              schemas.get(a.associationType())));
        }
      }
      return new BatchResult(null, new Response(m.resourceName(), m.resourceNamespace(),
          m.resourceId(), m.resourceType() == null ? Association.TOPIC : m.resourceType(), infos));
    });
  }
}
