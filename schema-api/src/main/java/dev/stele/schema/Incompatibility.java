package dev.stele.schema;

import dev.stele.schema.SchemaFormat.Roles;
import java.util.Objects;

/**
 * One reason why a reader cannot read a writer's data. The message is made from the kind's
 * template on demand (DESIGN.md: typed results, strings only at the edge).
 *
 * @param kind the format's kind, e.g. Avro's {@code TYPE_MISMATCH}
 * @param location where in the schema, as an RFC 6901 JSON pointer ({@code /fields/0/type};
 *     {@code /} for the whole schema)
 * @param roles which of the two schemas is the new one, for the "new"/"old" in the message
 * @param detail what the template's {@code {info}} shows; empty when the kind needs none
 */
public record Incompatibility(
    IncompatibilityKind kind, String location, Roles roles, String detail) {
  public Incompatibility {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(detail, "detail");
  }

  /** A finding whose message needs no detail. */
  public Incompatibility(IncompatibilityKind kind, String location, Roles roles) {
    this(kind, location, roles, "");
  }

  /** The full human text, in the Confluent registry's wording for the format. */
  public String message() {
    return MessageTemplate.fill(kind.template(), this);
  }
}
