package dev.stele.schema;

import java.util.Objects;

/**
 * One reason why a reader cannot read a writer's data.
 *
 * @param kind a format-defined code, e.g. Avro's {@code TYPE_MISMATCH}
 * @param location where in the schema, e.g. a JSON pointer {@code /fields/0/type}
 * @param message the full human text in the Confluent registry's wording for this format
 */
public record Incompatibility(String kind, String location, String message) {
  public Incompatibility {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }
}
