package dev.stele.registry;

import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import java.util.List;

/**
 * Stele's own reads of the node's schemas ({@code /v1/search}, {@code /v1/schemas}), answered
 * from its in-memory state; kept apart from {@link Registry}, whose methods are Confluent's API.
 */
public interface SchemaViews {
  /** The matches in subject order, paged by the request's offset and limit. */
  List<Results.FieldMatch> fields(Requests.FindFields request);

  /**
   * A schema's normalized form (what {@code normalize=true} compares): the id looked up as
   * {@code GET /schemas/ids/{id}} does, its format's normalization applied.
   *
   * @throws dev.stele.registry.model.RegistryException 40403 when the id is unknown
   */
  String normalized(Requests.SchemaById request);
}
