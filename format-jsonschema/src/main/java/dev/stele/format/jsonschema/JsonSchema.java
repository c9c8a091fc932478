package dev.stele.format.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaReference;
import java.util.List;

/**
 * A parsed JSON Schema: its canonical text (the Confluent registry's: compact JSON, keys in the
 * order given, numbers as written) and the model the compatibility diff works on. Immutable; the
 * JSON tree is never handed out, so nothing can change it after the canonical text was made.
 */
public final class JsonSchema implements ParsedSchema {
  private final JsonNode root;
  private final SchemaNode model;
  private final List<ResolvedReference> resolved;
  private final String canonical;

  JsonSchema(JsonNode root, SchemaNode model, List<ResolvedReference> resolved) {
    this.root = root;
    this.model = model;
    this.resolved = List.copyOf(resolved);
    this.canonical = JsonText.write(root);
  }

  SchemaNode model() {
    return model;
  }

  @Override
  public String type() {
    return JsonSchemaFormat.TYPE;
  }

  @Override
  public String canonical() {
    return canonical;
  }

  /**
   * The same schema with every object's keys sorted, at every level (also inside {@code enum},
   * {@code const} and {@code default} values, as the Confluent registry does); arrays keep their
   * order, since it can matter. The model is shared: sorting keys changes no meaning.
   */
  @Override
  public JsonSchema normalize() {
    try {
      return new JsonSchema(JsonText.readSorted(canonical), model, resolved);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("canonical text no longer parses", e);
    }
  }

  @Override
  public List<SchemaReference> references() {
    return resolved.stream().map(ResolvedReference::reference).toList();
  }

  /** The root's {@code title} (what a record-name subject strategy uses), else null. */
  @Override
  public String name() {
    JsonNode title = root.get("title");
    return title == null ? null : title.asText();
  }

  /** Equal when they read the same to the registry: canonical text and references. */
  @Override
  public boolean equals(Object other) {
    return other instanceof JsonSchema that
        && canonical.equals(that.canonical)
        && references().equals(that.references());
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return canonical;
  }
}
