package dev.stele.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON request bodies, shaped like the Confluent registry's request classes (same names, so
 * Jackson's error texts read the same) and bound with the same coercions. Metadata and rule sets
 * come out canonical (maps and sets sorted, empty parts dropped) because their JSON text is
 * stored and hashed: equal content must give equal text.
 */
final class RequestTypes {
  private RequestTypes() {}

  /** {@code POST /subjects/{s}/versions}, {@code POST /subjects/{s}}, compatibility checks. */
  record RegisterSchemaRequest(
      String schema, String schemaType, List<SchemaReference> references, Metadata metadata,
      RuleSet ruleSet, Integer version, Integer id, List<SchemaTags> schemaTagsToAdd,
      List<SchemaTags> schemaTagsToRemove, Boolean propagateSchemaTags) {}

  /** {@code POST /subjects/{s}/versions/{v}/tags}. */
  record TagSchemaRequest(
      Integer newVersion, List<SchemaTags> tagsToAdd, List<SchemaTags> tagsToRemove,
      Metadata metadata, RuleSet ruleSet, RuleSet rulesToMerge, List<String> rulesToRemove) {}

  /** Tags for one place in a schema. */
  record SchemaTags(SchemaEntity schemaEntity, List<String> tags) {}

  record SchemaEntity(String entityPath, EntityType entityType) {}

  /** Spelled in lower case on the wire, as Confluent's clients send it. */
  enum EntityType {
    @JsonProperty("sr_record") SR_RECORD,
    @JsonProperty("sr_field") SR_FIELD
  }

  /** A reference as sent; fields may be missing, which the registry reports as 42201. */
  record SchemaReference(String name, String subject, Integer version) {
    /** As schema-api's reference prints itself (Confluent's shape), missing fields as null. */
    @Override
    public String toString() {
      return "{name='" + name + "', subject='" + subject + "', version=" + version + "}";
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"tags", "properties", "sensitive"})
  record Metadata(Map<String, Set<String>> tags, Map<String, String> properties, Set<String> sensitive) {
    Metadata {
      tags = sortedTags(tags);
      properties = properties == null ? null : new TreeMap<>(properties);
      sensitive = sorted(sensitive);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"migrationRules", "domainRules", "encodingRules"})
  record RuleSet(List<Rule> migrationRules, List<Rule> domainRules, List<Rule> encodingRules) {
    RuleSet {
      migrationRules = withoutNulls(migrationRules);
      domainRules = withoutNulls(domainRules);
      encodingRules = withoutNulls(encodingRules);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"name", "doc", "kind", "mode", "type", "tags", "params", "expr", "onSuccess",
      "onFailure", "disabled"})
  record Rule(
      String name, String doc, RuleKind kind, RuleMode mode, String type, Set<String> tags,
      Map<String, String> params, String expr, String onSuccess, String onFailure, boolean disabled) {
    Rule {
      tags = sorted(tags);
      params = params == null ? null : new TreeMap<>(params);
    }
  }

  enum RuleKind { TRANSFORM, CONDITION }

  enum RuleMode { UPGRADE, DOWNGRADE, UPDOWN, WRITE, READ, WRITEREAD }

  /**
   * {@code PUT /config[/{s}]}. The level's key is {@code compatibility} and its value stays the
   * client's text: the answer echoes it as sent ({@code "backward"} stays lower case).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConfigUpdateRequest(
      String alias, String aliasForDeks, Boolean normalize, Boolean validateFields,
      Boolean validateNewSchemas, Boolean validateRules, String compatibility,
      String compatibilityPolicy, String compatibilityGroup, Metadata defaultMetadata, Metadata overrideMetadata,
      RuleSet defaultRuleSet, RuleSet overrideRuleSet) {}

  /** {@code PUT /mode[/{s}]}; the text is validated by the service and echoed as sent. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ModeUpdateRequest(String mode) {}

  private static SortedMap<String, Set<String>> sortedTags(Map<String, Set<String>> tags) {
    if (tags == null) {
      return null;
    }
    SortedMap<String, Set<String>> sorted = new TreeMap<>();
    tags.forEach((path, names) -> sorted.put(path, sorted(names)));
    return sorted;
  }

  /** Sorted, without nulls (a JSON {@code null} in a set of names means nothing). */
  private static SortedSet<String> sorted(Collection<String> values) {
    if (values == null) {
      return null;
    }
    SortedSet<String> sorted = new TreeSet<>();
    values.stream().filter(Objects::nonNull).forEach(sorted::add);
    return sorted;
  }

  private static <T> List<T> withoutNulls(List<T> values) {
    return values == null ? null : values.stream().filter(Objects::nonNull).toList();
  }
}
