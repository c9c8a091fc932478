package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml is an OpenAPI 3.1 document as far as tools rely on it: the required fields,
 * operations with answers, references that resolve, path parameters declared, unique operation
 * ids, declared tags and security schemes. (The official 3.1 JSON Schema is not vendored here;
 * these are the checks it would make that matter for this document, plus a few it cannot.)
 */
class OpenApiStructureTest {
  private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}]+)}");
  private static final Pattern STATUS = Pattern.compile("default|[1-5]([0-9]{2}|XX)");
  private static final Set<String> MEDIA_TYPES = Set.of(MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON,
      MediaTypes.JSON, MediaTypes.OCTET_STREAM, ApiDocument.CONTENT_TYPE, "text/plain",
      "application/openmetrics-text");

  private final ApiDescription api = ApiDescription.load();

  @Test
  void hasTheRequiredTopLevelFields() {
    assertThat(api.root.path("openapi").asText()).matches("3\\.1\\.[0-9]+");
    assertThat(api.root.at("/info/title").asText()).isNotBlank();
    assertThat(api.root.at("/info/version").asText()).isNotBlank();
    assertThat(api.root.path("paths").isObject()).isTrue();
    api.root.path("paths").fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/"));
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(api.root, refs);
    assertThat(refs).hasSizeGreaterThan(100);
    refs.forEach(api::target); // throws, naming it, for one that names nothing
  }

  @Test
  void everyOperationAnswersWithDescribedResponses() {
    for (ApiDescription.Operation op : api.operations()) {
      String name = op.method() + " " + op.path();
      JsonNode responses = op.node().path("responses");
      assertThat(responses.size()).as(name + " has responses").isPositive();
      responses.fields().forEachRemaining(entry -> {
        assertThat(entry.getKey()).as(name).matches(STATUS);
        JsonNode response = api.resolve(entry.getValue());
        assertThat(response.path("description").isTextual()).as(name + " " + entry.getKey()).isTrue();
        response.path("content").fieldNames().forEachRemaining(type ->
            assertThat(MEDIA_TYPES).as(name + " answers " + type).contains(type));
      });
      JsonNode body = op.node().has("requestBody") ? api.resolve(op.node().get("requestBody")) : null;
      if (body != null) {
        assertThat(body.path("content").size()).as(name + " body").isPositive();
      }
    }
  }

  /** Each {name} of a template is an in: path, required parameter, and no path parameter is extra. */
  @Test
  void pathParametersMatchTheirTemplates() {
    for (ApiDescription.Operation op : api.operations()) {
      Set<String> inTemplate = new TreeSet<>();
      Matcher m = TEMPLATE_PARAM.matcher(op.path());
      while (m.find()) {
        inTemplate.add(m.group(1));
      }
      Set<String> declared = new TreeSet<>();
      for (JsonNode parameter : op.parameters(api)) {
        assertThat(parameter.path("name").isTextual()).isTrue();
        assertThat(parameter.path("in").asText()).isIn("path", "query", "header", "cookie");
        assertThat(parameter.has("schema")).as(op.path() + " " + parameter.path("name")).isTrue();
        if (parameter.path("in").asText().equals("path")) {
          assertThat(parameter.path("required").asBoolean()).as(parameter.path("name").asText()).isTrue();
          declared.add(parameter.path("name").asText());
        }
      }
      assertThat(declared).as(op.method() + " " + op.path()).isEqualTo(inTemplate);
    }
  }

  @Test
  void operationIdsAreUniqueAndTagsAndSchemesDeclared() {
    Set<String> tags = new HashSet<>();
    api.root.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
    Set<String> schemes = new HashSet<>();
    api.root.at("/components/securitySchemes").fieldNames().forEachRemaining(schemes::add);
    assertThat(schemes).containsExactlyInAnyOrder("basic", "bearer");
    Set<String> ids = new HashSet<>();
    List<JsonNode> requirements = new ArrayList<>();
    api.root.path("security").forEach(requirements::add);
    for (ApiDescription.Operation op : api.operations()) {
      if (op.node().has("operationId")) {
        assertThat(ids.add(op.node().get("operationId").asText())).as(op.path()).isTrue();
      }
      op.node().path("tags").forEach(tag -> assertThat(tags).contains(tag.asText()));
      op.node().path("security").forEach(requirements::add);
    }
    for (JsonNode requirement : requirements) {
      requirement.fieldNames().forEachRemaining(scheme -> assertThat(schemes).contains(scheme));
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
