package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.SchemaNode.Annotations.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.format.jsonschema.SchemaNode.Annotations;
import dev.stele.format.jsonschema.SchemaNode.CombinedSchema;
import dev.stele.format.jsonschema.SchemaNode.ConstSchema;
import dev.stele.format.jsonschema.SchemaNode.Criterion;
import dev.stele.format.jsonschema.SchemaNode.EmptySchema;
import dev.stele.format.jsonschema.SchemaNode.EnumSchema;
import dev.stele.format.jsonschema.SchemaNode.FalseSchema;
import dev.stele.format.jsonschema.SchemaNode.NotSchema;
import dev.stele.format.jsonschema.SchemaNode.ReferenceSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads schema JSON into {@link SchemaNode}s and checks it the way the Confluent registry's
 * loader does (a {@code type} it does not know, a keyword of the wrong JSON type, a pattern that
 * does not compile, a {@code $ref} that points nowhere are all problems). Each JSON object becomes
 * one node, loaded once, so a recursive schema becomes a graph whose cycles go through
 * {@link ReferenceSchema}s; references are resolved after the tree, which is what lets them point
 * back at a schema still being built.
 */
final class ModelLoader {
  static final EmptySchema TRUE = new EmptySchema(NONE, true);
  static final FalseSchema FALSE = new FalseSchema(NONE);

  private final SchemaDocuments docs;
  private final Map<JsonNode, SchemaNode> loaded = new IdentityHashMap<>();
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final List<ReferenceSchema> references = new ArrayList<>();
  private final ShapeReader shapes = new ShapeReader(this);

  /** A {@code $ref} to resolve once the tree is loaded; {@code json} is the object holding it. */
  private record Pending(ReferenceSchema node, Scope scope, JsonNode json) {}

  private ModelLoader(SchemaDocuments docs) {
    this.docs = docs;
  }

  /**
   * The model of the main schema. A root that is neither an object nor a boolean (the Confluent
   * registry accepts {@code []} or {@code 12} as a schema) constrains nothing.
   */
  static SchemaNode load(SchemaDocuments docs) throws SchemaProblem {
    ModelLoader loader = new ModelLoader(docs);
    Scope scope = docs.mainScope();
    JsonNode root = scope.doc().root();
    SchemaNode model = root.isObject() || root.isBoolean()
        ? loader.node(root, scope) : new EmptySchema(NONE, false);
    loader.resolveReferences();
    return model;
  }

  /** The node of one schema position: an object or a boolean. */
  SchemaNode node(JsonNode json, Scope outer) throws SchemaProblem {
    if (json.isBoolean()) {
      return json.booleanValue() ? TRUE : FALSE;
    }
    if (!json.isObject()) {
      // The kind of value, not the value: it may be large, and the pointer says where it is.
      throw new SchemaProblem("a schema must be an object or a boolean, not "
          + (json.isArray() ? "an array" : "a " + json.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    SchemaNode done = loaded.get(json);
    if (done != null) {
      return done;
    }
    Scope scope = outer.enter(json);
    SchemaNode built;
    try {
      built = build(json, scope);
    } catch (SchemaProblem problem) {
      throw problem.within(json, scope.doc());
    }
    loaded.put(json, built);
    return built;
  }

  /**
   * One node per kind of constraint found, in the Confluent loader's order; several make a
   * synthetic {@code allOf}. Up to draft 7 a {@code $ref} hides its siblings.
   */
  private SchemaNode build(JsonNode json, Scope scope) throws SchemaProblem {
    Draft draft = scope.draft();
    Annotations meta = annotations(json, draft);
    if (json.has("$ref") && !draft.atLeast(Draft.DRAFT_2019_09)) {
      return reference(json, scope, meta);
    }
    List<SchemaNode> parts = new ArrayList<>();
    if (json.has("$ref")) {
      parts.add(reference(json, scope, NONE));
    }
    if (json.has("enum")) {
      parts.add(enumSchema(json.get("enum")));
    }
    for (Criterion criterion : Criterion.values()) {
      JsonNode subschemas = json.get(criterion.keyword());
      if (subschemas != null) {
        parts.add(new CombinedSchema(NONE, criterion, list(subschemas, criterion.keyword(), scope)));
      }
    }
    if (json.has("not")) {
      parts.add(new NotSchema(NONE, node(json.get("not"), scope)));
    }
    if (json.has("const") && draft != Draft.DRAFT_4) {
      parts.add(new ConstSchema(NONE, json.get("const")));
    }
    shapes.addShapes(json, scope, parts);
    if (parts.isEmpty()) {
      return new EmptySchema(meta, false);
    }
    return parts.size() == 1
        ? Annotate.with(parts.get(0), meta)
        : new CombinedSchema(meta, Criterion.ALL_OF, parts);
  }

  /** The schemas of a keyword whose value is an array of schemas. */
  List<SchemaNode> list(JsonNode array, String keyword, Scope scope) throws SchemaProblem {
    if (!array.isArray()) {
      throw new SchemaProblem(keyword + " must be an array of schemas");
    }
    List<SchemaNode> nodes = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      nodes.add(node(item, scope));
    }
    return nodes;
  }

  private static EnumSchema enumSchema(JsonNode values) throws SchemaProblem {
    if (!values.isArray()) {
      throw new SchemaProblem("enum must be an array");
    }
    List<JsonNode> list = new ArrayList<>(values.size());
    values.forEach(list::add);
    return new EnumSchema(NONE, list);
  }

  private ReferenceSchema reference(JsonNode json, Scope scope, Annotations meta)
      throws SchemaProblem {
    JsonNode ref = json.get("$ref");
    if (!ref.isTextual()) {
      throw new SchemaProblem("$ref must be a string");
    }
    ReferenceSchema node = new ReferenceSchema(meta, ref.asText());
    pending.add(new Pending(node, scope, json));
    references.add(node);
    return node;
  }

  /** Resolves every reference (loading what they point at), then refuses pure cycles. */
  private void resolveReferences() throws SchemaProblem {
    while (!pending.isEmpty()) {
      Pending next = pending.poll();
      SchemaDocuments.Target target;
      try {
        target = docs.resolve(next.node().ref(), next.scope());
      } catch (SchemaProblem problem) {
        throw problem.within(next.json(), next.scope().doc());
      }
      next.node().resolveTo(node(target.json(), target.scope()));
    }
    for (ReferenceSchema ref : references) {
      SchemaNode at = ref;
      for (int hops = 0; at instanceof ReferenceSchema r; hops++) {
        if (hops > references.size()) {
          throw new SchemaProblem("$ref " + ref.ref() + " refers to itself through references only");
        }
        at = r.target();
      }
    }
  }

  private static Annotations annotations(JsonNode json, Draft draft) throws SchemaProblem {
    return new Annotations(text(json, draft.idKeyword()), text(json, "title"),
        text(json, "description"), json.get("default"));
  }

  private static String text(JsonNode json, String keyword) throws SchemaProblem {
    JsonNode value = json.get(keyword);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new SchemaProblem(keyword + " must be a string");
    }
    return value.asText();
  }
}
