package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.SchemaNode.Annotations.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stele.format.jsonschema.SchemaNode.ArraySchema;
import dev.stele.format.jsonschema.SchemaNode.ObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object and array schemas. Boolean forms keep the distinction the compatibility rules make:
 * {@code additionalProperties: false} forbids, {@code true} or absence permits with no schema,
 * and {@code {}} permits through a schema (a partially open content model).
 */
final class ContainerReader {
  private final ModelLoader loader;

  ContainerReader(ModelLoader loader) {
    this.loader = loader;
  }

  ObjectSchema object(JsonNode json, Scope scope) throws SchemaProblem {
    Draft draft = scope.draft();
    Map<String, SchemaNode> properties = schemas(json, "properties", scope, false);
    Map<String, SchemaNode> patterns = schemas(json, "patternProperties", scope, true);
    JsonNode additional = json.get("additionalProperties");
    SchemaNode additionalSchema = additional == null || additional.isBoolean()
        ? null : loader.node(additional, scope);
    Map<String, List<String>> propertyDeps = new LinkedHashMap<>();
    Map<String, SchemaNode> schemaDeps = new LinkedHashMap<>();
    dependencies(json.get("dependencies"), scope, propertyDeps, schemaDeps);
    if (draft.atLeast(Draft.DRAFT_2019_09)) {
      JsonNode required = json.get("dependentRequired");
      if (required != null) {
        if (!required.isObject()) {
          throw new SchemaProblem("dependentRequired must be an object");
        }
        for (Map.Entry<String, JsonNode> e : required.properties()) {
          propertyDeps.put(e.getKey(), strings(e.getValue(), "dependentRequired"));
        }
      }
      schemaDeps.putAll(schemas(json, "dependentSchemas", scope, false));
    }
    if (json.has("propertyNames")) {
      loader.node(json.get("propertyNames"), scope);
    }
    JsonNode required = json.get("required");
    return new ObjectSchema(NONE, properties,
        required == null ? List.of() : strings(required, "required"),
        ShapeReader.integer(json, "minProperties"), ShapeReader.integer(json, "maxProperties"),
        additional == null || !additional.isBoolean() || additional.booleanValue(),
        additionalSchema, patterns, propertyDeps, schemaDeps,
        unevaluated(json, "unevaluatedProperties", scope));
  }

  ArraySchema array(JsonNode json, Scope scope) throws SchemaProblem {
    Draft draft = scope.draft();
    JsonNode items = json.get("items");
    JsonNode additional = json.get("additionalItems");
    SchemaNode allItems = null;
    List<SchemaNode> tuple = List.of();
    if (draft == Draft.DRAFT_2020_12) {
      // 2020-12 renamed the tuple to prefixItems; items then governs the items after it.
      JsonNode prefix = json.get("prefixItems");
      if (prefix != null) {
        tuple = loader.list(prefix, "prefixItems", scope);
        additional = items;
      } else if (items != null) {
        allItems = loader.node(items, scope);
      }
    } else if (items != null && items.isArray()) {
      tuple = loader.list(items, "items", scope);
    } else if (items != null) {
      allItems = loader.node(items, scope);
    }
    SchemaNode additionalSchema = additional == null || additional.isBoolean()
        ? null : loader.node(additional, scope);
    if (json.has("contains")) {
      loader.node(json.get("contains"), scope);
    }
    return new ArraySchema(NONE, allItems, tuple,
        additional == null || !additional.isBoolean() || additional.booleanValue(),
        additionalSchema, unevaluated(json, "unevaluatedItems", scope),
        ShapeReader.integer(json, "minItems"), ShapeReader.integer(json, "maxItems"),
        ShapeReader.bool(json, "uniqueItems"),
        ShapeReader.integer(json, "minContains"), ShapeReader.integer(json, "maxContains"));
  }

  private SchemaNode unevaluated(JsonNode json, String keyword, Scope scope) throws SchemaProblem {
    JsonNode value = json.get(keyword);
    return value == null || !scope.draft().atLeast(Draft.DRAFT_2019_09)
        ? null : loader.node(value, scope);
  }

  private void dependencies(JsonNode deps, Scope scope, Map<String, List<String>> properties,
      Map<String, SchemaNode> schemas) throws SchemaProblem {
    if (deps == null) {
      return;
    }
    if (!deps.isObject()) {
      throw new SchemaProblem("dependencies must be an object");
    }
    for (Map.Entry<String, JsonNode> e : deps.properties()) {
      if (e.getValue().isArray()) {
        properties.put(e.getKey(), strings(e.getValue(), "dependencies"));
      } else {
        schemas.put(e.getKey(), loader.node(e.getValue(), scope));
      }
    }
  }

  /** An object of schemas by name (or by pattern, each of which must compile). */
  private Map<String, SchemaNode> schemas(JsonNode json, String keyword, Scope scope,
      boolean patterns) throws SchemaProblem {
    JsonNode value = json.get(keyword);
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw new SchemaProblem(keyword + " must be an object");
    }
    Map<String, SchemaNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      if (patterns) {
        ShapeReader.pattern(TextNode.valueOf(e.getKey()));
      }
      out.put(e.getKey(), loader.node(e.getValue(), scope));
    }
    return out;
  }

  private static List<String> strings(JsonNode array, String keyword) throws SchemaProblem {
    if (!array.isArray()) {
      throw new SchemaProblem(keyword + " must be an array of strings");
    }
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        throw new SchemaProblem(keyword + " must be an array of strings");
      }
      out.add(item.asText());
    }
    return out;
  }
}
