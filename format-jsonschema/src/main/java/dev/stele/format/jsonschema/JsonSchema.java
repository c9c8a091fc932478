package dev.stele.format.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.schema.AbstractParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.SchemaField;
import dev.stele.schema.TagEdit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed JSON Schema: its canonical text (the Confluent registry's: compact JSON, keys in the
 * order given, numbers as written) and the model the compatibility diff works on. Immutable; the
 * JSON tree is never handed out, so nothing can change it after the canonical text was made.
 */
public final class JsonSchema extends AbstractParsedSchema {
  private final JsonNode root;
  private final SchemaNode model;

  JsonSchema(JsonNode root, SchemaNode model, List<ResolvedReference> resolved) {
    super(JsonSchemaFormat.TYPE, JsonText.write(root), resolved);
    this.root = root;
    this.model = model;
  }

  SchemaNode model() {
    return model;
  }

  /**
   * The same schema with every object's keys sorted, at every level (also inside {@code enum},
   * {@code const} and {@code default} values, as the Confluent registry does); arrays keep their
   * order, since it can matter. The model is shared: sorting keys changes no meaning.
   */
  @Override
  public JsonSchema normalize() {
    try {
      return new JsonSchema(JsonText.readSorted(canonical()), model, resolvedReferences());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("canonical text no longer parses", e);
    }
  }

  /** The root's {@code title} (what a record-name subject strategy uses), else null. */
  @Override
  public String name() {
    JsonNode title = root.get("title");
    return title == null ? null : title.asText();
  }

  /** See {@link JsonTags} for how paths are spelled ({@code object.a}, {@code object}). */
  @Override
  public String withTags(TagEdit edit) {
    return JsonTags.apply(canonical(), edit);
  }

  @Override
  public Map<SchemaEntity, Set<String>> inlineTags() {
    return JsonTags.inline(root);
  }

  @Override
  public List<SchemaField> fields() {
    return JsonFields.of(root);
  }
}
