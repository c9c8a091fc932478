package dev.stele.registry.parse;

import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.SchemaReference;
import java.util.List;

/**
 * Texts that quote requests the way the Confluent registry's messages do (Java {@code toString}
 * shapes), so that clients and the conformance corpus see the same words.
 */
public final class Describe {
  private Describe() {}

  public static String reference(SchemaReference ref) {
    return "{name='" + ref.name() + "', subject='" + ref.subject() + "', version=" + ref.version() + "}";
  }

  public static String references(List<SchemaReference> refs) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < refs.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(reference(refs.get(i)));
    }
    return text.append(']').toString();
  }

  /** A schema that does not parse: {@code Invalid schema {...} with refs [...] of type T, details: ...}. */
  public static String invalidSchema(SchemaParser.Submitted submitted, String type, String details) {
    String refs = references(submitted.payload().references());
    return "Invalid schema " + request(submitted, type) + " with refs " + refs + " of type " + type
        + ", details: " + details;
  }

  /** A schema that parses but fails a later step (normalizing): no {@code with refs} part. */
  public static String invalidSchemaShort(SchemaParser.Submitted submitted, String type, String details) {
    return "Invalid schema " + request(submitted, type) + ", details: " + details;
  }

  /** The request as the Confluent registry's {@code Schema.toString} shows it. */
  private static String request(SchemaParser.Submitted submitted, String type) {
    SchemaPayload payload = submitted.payload();
    return "{subject=" + submitted.subject()
        + ",version=" + (submitted.version() == null ? 0 : submitted.version())
        + ",id=" + (submitted.id() == null ? -1 : submitted.id())
        + ",schemaType=" + type
        + ",references=" + references(payload.references())
        + ",metadata=" + (payload.metadata() == null ? "null" : payload.metadata().text())
        + ",ruleSet=" + (payload.ruleSet() == null ? "null" : payload.ruleSet().text())
        + ",schema=" + payload.schema()
        + ",schemaTags=null}";
  }

  /** The Confluent form of a SCHEMA key, as quoted by 42206. */
  public static String schemaKey(String subject, int version) {
    return "{magic=1,keytype=SCHEMA,subject=" + subject + ",version=" + version + "}";
  }
}
