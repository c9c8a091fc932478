package dev.stele.http;

import dev.stele.registry.model.Excerpt;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaRejectedException;
import dev.stele.registry.model.Submission;
import java.util.List;

/**
 * The Confluent registry's words for a schema it refuses (42201): its messages quote the request
 * in Java {@code toString} shapes, and clients and the conformance corpus see that shape. Used for
 * what the core rejects ({@link SchemaRejectedException}) and for the references the edge refuses
 * while reading the body, so both read the same.
 *
 * <p>Unlike Confluent's, each quoted part of the request (the schema, its references, metadata
 * and rule set) is an {@link Excerpt}: the whole text once made a 639 KB answer (issue #17).
 * The details are capped too, more loosely, since a parser's reason may quote the schema.
 */
final class Describe {
  /** The most of a format's reason an answer quotes: room for any real one. */
  static final int MAX_DETAILS = 2_000;

  private Describe() {}

  /** What the request held, as the Confluent registry's {@code Schema.toString} shows it. */
  record Request(String subject, Integer version, Integer id, String type, List<?> references,
      RawJson metadata, RawJson ruleSet, String schema) {}

  static String rejected(SchemaRejectedException e) {
    Submission submitted = e.submission();
    SchemaPayload payload = submitted.payload();
    Request request = new Request(submitted.subject(), submitted.version(), submitted.id(), e.schemaType(),
        payload.references(), payload.metadata(), payload.ruleSet(), payload.schema());
    return invalidSchema(request, e.details(), e.withReferences());
  }

  /**
   * {@code Invalid schema {...} with refs [...] of type T, details: ...}; without the
   * {@code with refs} part for a schema that parsed but failed a later step. The subject is
   * quoted whole: the request line's limit already bounds it.
   */
  static String invalidSchema(Request request, String details, boolean withReferences) {
    String refs = Excerpt.of(references(request.references()));
    String text = "Invalid schema {subject=" + request.subject()
        + ",version=" + (request.version() == null ? 0 : request.version())
        + ",id=" + (request.id() == null ? -1 : request.id())
        + ",schemaType=" + request.type()
        + ",references=" + refs
        + ",metadata=" + (request.metadata() == null ? "null" : Excerpt.of(request.metadata().text()))
        + ",ruleSet=" + (request.ruleSet() == null ? "null" : Excerpt.of(request.ruleSet().text()))
        + ",schema=" + Excerpt.of(request.schema())
        + ",schemaTags=null}";
    return text + (withReferences ? " with refs " + refs + " of type " + request.type() : "")
        + ", details: " + Excerpt.of(details, MAX_DETAILS);
  }

  /**
   * A list of references, each in its {@code toString} form (the Confluent registry's shape); a
   * null element (a JSON null in the request) shows as {@code null}.
   */
  static String references(List<?> refs) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < refs.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(refs.get(i));
    }
    return text.append(']').toString();
  }
}
