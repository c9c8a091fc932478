package dev.stele.maven;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Confluent's {@code <metadata>} and {@code <ruleSet>} per subject, turned into the registry's JSON
 * ({@code RegisterSchemaRequest}'s {@code metadata} and {@code ruleSet}) element by element: a
 * misspelt element fails the build instead of being dropped. The registry judges the values
 * (rule kinds, modes: 42210).
 */
final class DataContracts {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> RULE_LISTS = Set.of("migrationRules", "domainRules", "encodingRules");
  private static final Set<String> RULE_TEXTS = Set.of("name", "doc", "kind", "mode", "type", "expr", "onSuccess",
      "onFailure");

  private DataContracts() {}

  /** Subject → {@code {"tags": {path: [tag]}, "properties": {k: v}, "sensitive": [k]}}. */
  static Map<String, ObjectNode> metadata(PlexusConfiguration config, boolean decode) throws MojoExecutionException {
    return bySubject(config, decode, (key, part, metadata) -> {
      switch (part.getName()) {
        case "tags" -> {
          ObjectNode tags = metadata.putObject("tags");
          for (PlexusConfiguration path : part.getChildren()) {
            // Tag paths such as **.ssn are no XML names: Confluent's plugin decodes them like subjects.
            tags.set(decode ? SubjectNames.decode(path.getName()) : path.getName(), values(path));
          }
        }
        case "properties" -> {
          ObjectNode properties = metadata.putObject("properties");
          for (PlexusConfiguration property : part.getChildren()) {
            properties.put(property.getName(), property.getValue(""));
          }
        }
        case "sensitive" -> metadata.set("sensitive", values(part));
        default -> throw new MojoExecutionException("metadata of " + key + ": <" + part.getName()
            + "> is not one of <tags>, <properties>, <sensitive>");
      }
    });
  }

  /** Subject → {@code {"migrationRules": [...], "domainRules": [...], "encodingRules": [...], "enableAt": ...}}. */
  static Map<String, ObjectNode> ruleSets(PlexusConfiguration config, boolean decode) throws MojoExecutionException {
    return bySubject(config, decode, (key, part, ruleSet) -> {
      if (RULE_LISTS.contains(part.getName())) {
        ArrayNode rules = ruleSet.putArray(part.getName());
        for (PlexusConfiguration rule : part.getChildren()) {
          rules.add(rule(key, rule));
        }
      } else if (part.getName().equals("enableAt")) {
        ruleSet.put("enableAt", part.getValue("").trim());
      } else {
        throw new MojoExecutionException("ruleSet of " + key + ": <" + part.getName() + "> is not one of"
            + " <migrationRules>, <domainRules>, <encodingRules>, <enableAt>");
      }
    });
  }

  /** How one element under a subject adds to that subject's JSON. */
  @FunctionalInterface
  private interface Part {
    void add(String subject, PlexusConfiguration part, ObjectNode json) throws MojoExecutionException;
  }

  /** One JSON object per subject element, built from the elements under it. */
  private static Map<String, ObjectNode> bySubject(PlexusConfiguration config, boolean decode, Part each)
      throws MojoExecutionException {
    Map<String, ObjectNode> bySubject = new LinkedHashMap<>();
    for (PlexusConfiguration subject : children(config)) {
      String key = decode ? SubjectNames.decode(subject.getName()) : subject.getName();
      ObjectNode json = JSON.objectNode();
      for (PlexusConfiguration part : subject.getChildren()) {
        each.add(key, part, json);
      }
      bySubject.put(key, json);
    }
    return bySubject;
  }

  private static ObjectNode rule(String subject, PlexusConfiguration rule) throws MojoExecutionException {
    ObjectNode json = JSON.objectNode();
    for (PlexusConfiguration field : rule.getChildren()) {
      String name = field.getName();
      if (RULE_TEXTS.contains(name)) {
        json.put(name, field.getValue("").trim());
      } else if (name.equals("disabled")) {
        json.put(name, Boolean.parseBoolean(field.getValue("false").trim()));
      } else if (name.equals("tags")) {
        json.set(name, values(field));
      } else if (name.equals("params")) {
        ObjectNode params = json.putObject(name);
        for (PlexusConfiguration param : field.getChildren()) {
          params.put(param.getName(), param.getValue(""));
        }
      } else {
        throw new MojoExecutionException("ruleSet of " + subject + ": a rule has no <" + name + ">; it takes <name>,"
            + " <doc>, <kind>, <mode>, <type>, <tags>, <params>, <expr>, <onSuccess>, <onFailure>, <disabled>");
      }
    }
    if (!json.hasNonNull("name") || !json.hasNonNull("type")) {
      throw new MojoExecutionException("ruleSet of " + subject + ": every rule needs a <name> and a <type>"
          + " (e.g. CEL)");
    }
    return json;
  }

  private static ArrayNode values(PlexusConfiguration list) {
    ArrayNode values = JSON.arrayNode();
    for (PlexusConfiguration value : list.getChildren()) {
      values.add(value.getValue("").trim());
    }
    return values;
  }

  private static PlexusConfiguration[] children(PlexusConfiguration config) {
    return config == null ? new PlexusConfiguration[0] : config.getChildren();
  }
}
