package dev.stele.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.Metadata;
import dev.stele.client.RestClientException;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A schema's {@code metadata} and {@code ruleSet} in the registry's JSON, both ways. */
final class ContractJson {
  private ContractJson() {}

  static Metadata metadata(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    Map<String, Set<String>> tags = new LinkedHashMap<>();
    node.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), strings(e.getValue())));
    Map<String, String> properties = new LinkedHashMap<>();
    node.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    return new Metadata(tags, properties, strings(node.path("sensitive")));
  }

  static RuleSet ruleSet(JsonNode node) throws RestClientException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return new RuleSet(rules(node.path("migrationRules")), rules(node.path("domainRules")),
        rules(node.path("encodingRules")));
  }

  private static List<Rule> rules(JsonNode array) throws RestClientException {
    List<Rule> rules = new ArrayList<>();
    for (JsonNode rule : array) {
      Map<String, String> params = new LinkedHashMap<>();
      rule.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      rules.add(new Rule(Json.required(rule, "name").asText(), text(rule, "doc"),
          named(RuleKind.class, text(rule, "kind")), named(RuleMode.class, text(rule, "mode")),
          Json.required(rule, "type").asText(), strings(rule.path("tags")), params, text(rule, "expr"),
          text(rule, "onSuccess"), text(rule, "onFailure"), rule.path("disabled").asBoolean(false)));
    }
    return rules;
  }

  private static <E extends Enum<E>> E named(Class<E> type, String value) throws RestClientException {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RestClientException("the registry's answer has an unknown rule " + type.getSimpleName()
          + " '" + value + "'", 200, RestClientException.UNREADABLE_RESPONSE);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(item -> values.add(item.asText()));
    return values;
  }

  static void write(ObjectNode body, Metadata metadata, RuleSet ruleSet) {
    if (metadata != null) {
      ObjectNode out = body.putObject("metadata");
      ObjectNode tags = out.putObject("tags");
      metadata.tags().forEach((path, set) -> set.forEach(tags.withArray(path)::add));
      ObjectNode properties = out.putObject("properties");
      metadata.properties().forEach(properties::put);
      ArrayNode sensitive = out.putArray("sensitive");
      metadata.sensitive().forEach(sensitive::add);
    }
    if (ruleSet != null) {
      ObjectNode out = body.putObject("ruleSet");
      writeRules(out.putArray("migrationRules"), ruleSet.migrationRules());
      writeRules(out.putArray("domainRules"), ruleSet.domainRules());
      writeRules(out.putArray("encodingRules"), ruleSet.encodingRules());
    }
  }

  private static void writeRules(ArrayNode out, List<Rule> rules) {
    for (Rule rule : rules) {
      ObjectNode node = out.addObject().put("name", rule.name());
      if (rule.doc() != null) {
        node.put("doc", rule.doc());
      }
      node.put("kind", rule.kind().name()).put("mode", rule.mode().name()).put("type", rule.type());
      ArrayNode tags = node.putArray("tags");
      rule.tags().forEach(tags::add);
      ObjectNode params = node.putObject("params");
      rule.params().forEach(params::put);
      if (rule.expr() != null) {
        node.put("expr", rule.expr());
      }
      if (rule.onSuccess() != null) {
        node.put("onSuccess", rule.onSuccess());
      }
      if (rule.onFailure() != null) {
        node.put("onFailure", rule.onFailure());
      }
      node.put("disabled", rule.disabled());
    }
  }
}
