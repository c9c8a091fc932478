package dev.stele.client;

import dev.stele.schema.SchemaReference;
import java.util.List;
import java.util.Objects;

/**
 * A schema as the registry stores it: its type ({@code AVRO}, {@code JSON}, {@code PROTOBUF}),
 * its text and the references it imports. What is registered, looked up and returned by id.
 * A missing type means Avro, as the registry's own answers say (API.md §1.4).
 */
public record SchemaDefinition(String type, String text, List<SchemaReference> references) {
  public static final String AVRO = "AVRO";
  public static final String JSON = "JSON";
  public static final String PROTOBUF = "PROTOBUF";

  public SchemaDefinition {
    type = type == null || type.isEmpty() ? AVRO : type;
    Objects.requireNonNull(text, "text");
    references = references == null ? List.of() : List.copyOf(references);
  }

  public static SchemaDefinition avro(String text) {
    return new SchemaDefinition(AVRO, text, List.of());
  }

  public static SchemaDefinition of(String type, String text) {
    return new SchemaDefinition(type, text, List.of());
  }
}
