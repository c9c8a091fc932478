package dev.stele.client;

import dev.stele.schema.SchemaReference;
import java.util.List;
import java.util.Objects;

/**
 * A schema as the registry stores it: its type ({@code AVRO}, {@code JSON}, {@code PROTOBUF}),
 * its text, the references it imports, and its data contract: metadata and rule set, each null
 * when the schema has none. What is registered, looked up and returned by id.
 * A missing type means Avro, as the registry's own answers say (API.md §1.4).
 */
public record SchemaDefinition(String type, String text, List<SchemaReference> references, Metadata metadata,
    RuleSet ruleSet) {
  public static final String AVRO = "AVRO";
  public static final String JSON = "JSON";
  public static final String PROTOBUF = "PROTOBUF";

  public SchemaDefinition {
    type = type == null || type.isEmpty() ? AVRO : type;
    Objects.requireNonNull(text, "text");
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** A schema without a data contract. */
  public SchemaDefinition(String type, String text, List<SchemaReference> references) {
    this(type, text, references, null, null);
  }

  public static SchemaDefinition avro(String text) {
    return new SchemaDefinition(AVRO, text, List.of());
  }

  public static SchemaDefinition of(String type, String text) {
    return new SchemaDefinition(type, text, List.of());
  }

  /** The same schema with this metadata and rule set (either may be null). */
  public SchemaDefinition withContract(Metadata newMetadata, RuleSet newRuleSet) {
    return new SchemaDefinition(type, text, references, newMetadata, newRuleSet);
  }

  /** Whether a serde has rules to run for this schema. */
  public boolean hasRules() {
    return ruleSet != null && !ruleSet.isEmpty();
  }
}
