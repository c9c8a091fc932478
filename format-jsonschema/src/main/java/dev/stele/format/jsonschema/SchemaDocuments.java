package dev.stele.format.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.schema.ResolvedReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every JSON document a schema can reach, and {@code $ref} resolution over them. A reference's
 * {@code name} is the URL the schema's {@code $ref} uses: it is found by that exact text and by
 * that text resolved against the schema's base URI (as the Confluent registry registers it).
 * Embedded {@code $id}s and anchors are indexed too. Nothing is ever fetched: a {@code $ref} that
 * names no known document is a problem of the schema.
 */
final class SchemaDocuments {
  /** The base of a schema without {@code $id}, as in the Confluent registry. */
  static final URI DEFAULT_BASE = URI.create("mem://input");

  /** One document: the schema itself (name null) or a referenced schema. */
  record Doc(String name, JsonNode root, Draft draft) {}

  /** A resolved {@code $ref}: the JSON it points at and the scope that JSON sits in. */
  record Target(JsonNode json, Scope scope) {}

  private final Doc main;
  private final Scope mainScope;
  private final Map<String, Scope> byName = new HashMap<>();
  private final Map<String, Scope> byId = new HashMap<>();
  private final Map<String, JsonNode> anchors = new HashMap<>();

  private SchemaDocuments(JsonNode root) {
    this.main = new Doc(null, root, Draft.of(root));
    URI base = declaredId(root, main.draft(), DEFAULT_BASE);
    this.mainScope = new Scope(main, base == null ? DEFAULT_BASE : base, root);
  }

  /** The schema and its (already resolved) references, flattened: the first of a name wins. */
  static SchemaDocuments of(JsonNode root, List<ResolvedReference> references) throws SchemaProblem {
    SchemaDocuments docs = new SchemaDocuments(root);
    docs.index(docs.mainScope, root);
    docs.addAll(references);
    return docs;
  }

  Scope mainScope() {
    return mainScope;
  }

  private void addAll(List<ResolvedReference> references) throws SchemaProblem {
    for (ResolvedReference ref : references) {
      String name = ref.reference().name();
      if (name != null && !byName.containsKey(name)) {
        JsonNode root;
        try {
          root = JsonText.read(ref.schema());
        } catch (JsonProcessingException e) {
          throw new SchemaProblem("referenced schema " + name + " is not JSON: "
              + JsonText.syntaxError(e));
        }
        Doc doc = new Doc(name, root, Draft.of(root));
        URI nameUri = uri(name);
        URI base = declaredId(root, doc.draft(), nameUri == null ? DEFAULT_BASE : nameUri);
        Scope scope = new Scope(doc, base != null ? base : nameUri != null ? nameUri : DEFAULT_BASE, root);
        byName.put(name, scope);
        URI resolved = nameUri == null ? null : mainScope.base().resolve(nameUri);
        if (resolved != null) {
          byName.putIfAbsent(withoutFragment(resolved), scope);
        }
        index(scope, root);
      }
      addAll(ref.references());
    }
  }

  /** Records every {@code $id} and anchor in a document, with the base each one sits under. */
  private void index(Scope scope, JsonNode node) {
    if (node.isObject()) {
      Scope inner = scope.enter(node);
      if (inner != scope) {
        byId.putIfAbsent(withoutFragment(inner.base()), inner);
        String fragment = inner.base().getRawFragment();
        if (fragment != null && !fragment.isEmpty() && !fragment.startsWith("/")) {
          anchors.putIfAbsent(anchorKey(scope.doc(), fragment), node); // draft 6/7 "$id": "#x"
        }
      }
      for (String keyword : List.of("$anchor", "$dynamicAnchor")) {
        JsonNode anchor = node.get(keyword);
        if (anchor != null && anchor.isTextual()) {
          anchors.putIfAbsent(anchorKey(scope.doc(), anchor.asText()), node);
        }
      }
      node.properties().forEach(e -> index(inner, e.getValue()));
    } else if (node.isArray()) {
      node.forEach(item -> index(scope, item));
    }
  }

  /** The JSON a {@code $ref} points at, seen from {@code scope}. */
  Target resolve(String ref, Scope scope) throws SchemaProblem {
    int hash = ref.indexOf('#');
    String location = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    Scope target = location.isEmpty() ? scope : document(location, scope);
    if (target == null) {
      throw new SchemaProblem("$ref " + ref + " names no schema of this one or its references"
          + " (remote schemas are not fetched)");
    }
    JsonNode json = inside(target, fragment);
    if (json == null) {
      throw new SchemaProblem("$ref " + ref + " points at nothing");
    }
    return new Target(json, target);
  }

  private Scope document(String location, Scope scope) {
    Scope found = byName.get(location);
    if (found != null) {
      return found;
    }
    URI uri = uri(location);
    if (uri == null) {
      return null;
    }
    String absolute = withoutFragment(scope.base().resolve(uri));
    found = byId.get(absolute);
    return found != null ? found : byName.get(absolute);
  }

  private JsonNode inside(Scope scope, String fragment) {
    if (fragment.isEmpty()) {
      return scope.resourceRoot();
    }
    if (!fragment.startsWith("/")) {
      return anchors.get(anchorKey(scope.doc(), decode(fragment)));
    }
    String pointer = decode(fragment);
    JsonNode found = pointer(scope.resourceRoot(), pointer);
    return found != null ? found : pointer(scope.doc().root(), pointer);
  }

  private static JsonNode pointer(JsonNode root, String pointer) {
    try {
      JsonNode found = root.at(pointer);
      return found.isMissingNode() ? null : found;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The absolute id a schema object declares, resolved against {@code base}; null if none. */
  static URI declaredId(JsonNode schema, Draft draft, URI base) {
    JsonNode id = schema.isObject() ? schema.get(draft.idKeyword()) : null;
    if (id == null || !id.isTextual()) {
      return null;
    }
    URI uri = uri(id.asText());
    return uri == null ? null : base.resolve(uri);
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String withoutFragment(URI uri) {
    String text = uri.toString();
    int hash = text.indexOf('#');
    return hash < 0 ? text : text.substring(0, hash);
  }

  private static String anchorKey(Doc doc, String anchor) {
    return (doc.name() == null ? "" : doc.name()) + "#" + anchor;
  }

  /** A fragment is URI-encoded ({@code %25} for {@code %}); a malformed one is taken as is. */
  private static String decode(String fragment) {
    try {
      return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return fragment;
    }
  }
}
