package dev.stele.registry;

import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import java.util.List;

/**
 * Searches across every subject's schema, answered from the node's in-memory state (Stele's own
 * {@code /v1/search}); kept apart from {@link Registry}, whose methods are Confluent's API.
 */
@FunctionalInterface
public interface SchemaSearch {
  /** The matches in subject order, paged by the request's offset and limit. */
  List<Results.FieldMatch> fields(Requests.FindFields request);
}
