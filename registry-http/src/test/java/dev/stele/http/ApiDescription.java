package dev.stele.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * docs/openapi.yaml as the server serves it (the class path copy), read as a tree, with what the
 * tests ask of it: its operations with their path items resolved, and local {@code $ref}s.
 */
final class ApiDescription {
  static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** One operation: its method (lower case, as in the document), path template and node. */
  record Operation(String method, String path, JsonNode node, List<JsonNode> pathParameters) {
    /** Path-level parameters first, then the operation's, each resolved. */
    List<JsonNode> parameters(ApiDescription api) {
      List<JsonNode> all = new ArrayList<>(pathParameters);
      node.path("parameters").forEach(p -> all.add(api.resolve(p)));
      return all;
    }
  }

  final JsonNode root;

  private ApiDescription(JsonNode root) {
    this.root = root;
  }

  static ApiDescription load() {
    try {
      return new ApiDescription(new ObjectMapper(new YAMLFactory()).readTree(ApiDocument.load().getBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every operation under {@code paths}. A path item may be a {@code $ref} to a shared one in
   * {@code components/pathItems} with {@code parameters} beside it (the /contexts/{context}
   * forms): OpenAPI 3.1 allows fields beside a path item's $ref when they do not overlap.
   */
  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    root.path("paths").fields().forEachRemaining(entry -> {
      JsonNode declared = entry.getValue();
      JsonNode item = resolve(declared);
      List<JsonNode> pathParameters = new ArrayList<>();
      for (JsonNode level : declared == item ? List.of(item) : List.of(declared, item)) {
        level.path("parameters").forEach(p -> pathParameters.add(resolve(p)));
      }
      item.fields().forEachRemaining(field -> {
        if (METHODS.contains(field.getKey())) {
          operations.add(new Operation(field.getKey(), entry.getKey(), field.getValue(), pathParameters));
        }
      });
    });
    return operations;
  }

  /** The node a {@code $ref} names (followed until a node without one), or the node itself. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      if (hops > 10) {
        throw new IllegalStateException("$ref cycle at " + node);
      }
      current = target(current.get("$ref").asText());
    }
    return current;
  }

  /** A local reference's target; missing: an AssertionError naming it. */
  JsonNode target(String ref) {
    if (!ref.startsWith("#/")) {
      throw new AssertionError("not a local reference: " + ref);
    }
    JsonNode target = root.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new AssertionError("$ref " + ref + " names nothing");
    }
    return target;
  }
}
