package dev.stele.registry;

import dev.stele.registry.model.Association;
import dev.stele.registry.model.AssociationRequests;
import dev.stele.registry.model.AssociationRequests.BatchResult;
import dev.stele.registry.model.AssociationRequests.Filter;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Confluent 8.x's associations of resources (Kafka topics) with subjects: what the routes under
 * {@code /associations} call. Reads answer from memory; writes complete once their ASSOC records
 * are durable and applied, like every other write. Failures are {@code RegistryException}s.
 */
public interface Associations {

  /** The associations naming {@code subject} (as stored: context-qualified). */
  List<Association> bySubject(String subject, Filter filter);

  List<Association> byResourceId(String resourceId, Filter filter);

  /** By name in a namespace; namespace {@code -} matches every namespace. */
  List<Association> byResourceName(String namespace, String name, Filter filter);

  /**
   * {@code POST /associations} or {@code PUT /associations/resources/{id}}: the schemas a create
   * carries are registered first (through the registry, with its checks), then the associations
   * written.
   */
  CompletionStage<AssociationRequests.Response> upsert(AssociationRequests.Upsert request);

  CompletionStage<Void> delete(AssociationRequests.Delete request);

  /** {@code POST /associations:batchGet}: one result (or error) per query. */
  List<BatchResult> batchGet(List<AssociationRequests.Get> queries, boolean includeSchemas);

  /**
   * {@code POST /associations:batchMutate}: each entry's operations in order, one result (or
   * error) per entry; an entry that fails stops there, its earlier operations stay.
   */
  CompletionStage<List<BatchResult>> batchMutate(List<AssociationRequests.Mutation> mutations,
      boolean dryRun, String context);
}
