package dev.stele.registry.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stele.registry.model.Metadata;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.RuleSet;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON of the metadata and rule set fields of SCHEMA and CONFIG values, to and from the
 * core's {@link Metadata} and {@link RuleSet} (see docs/decisions/0004). Output is canonical:
 * fields in a fixed order ({@code tags, properties, sensitive}; {@code migrationRules,
 * domainRules, encodingRules}), maps and sets sorted, empty parts left out. The registry-http
 * request types write the same form, so a client's metadata and a merged one that mean the same
 * have the same text, and so the same schema id.
 */
public final class ContractCodec {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private ContractCodec() {}

  /** Null for null; a value that is not a metadata object reads as empty metadata. */
  public static Metadata metadata(RawJson json) {
    if (json == null) {
      return null;
    }
    JsonNode node = parse(json);
    TreeMap<String, SortedSet<String>> tags = new TreeMap<>();
    node.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), strings(e.getValue())));
    TreeMap<String, String> properties = new TreeMap<>();
    node.path("properties").fields().forEachRemaining(e -> {
      if (!e.getValue().isNull()) {
        properties.put(e.getKey(), e.getValue().asText());
      }
    });
    return new Metadata(tags, properties, strings(node.path("sensitive")));
  }

  public static RawJson json(Metadata metadata) {
    if (metadata == null) {
      return null;
    }
    return render(out -> {
      out.writeStartObject();
      if (!metadata.tags().isEmpty()) {
        out.writeObjectFieldStart("tags");
        for (Map.Entry<String, SortedSet<String>> tag : metadata.tags().entrySet()) {
          out.writeFieldName(tag.getKey());
          writeStrings(out, tag.getValue());
        }
        out.writeEndObject();
      }
      if (!metadata.properties().isEmpty()) {
        out.writeObjectFieldStart("properties");
        for (Map.Entry<String, String> property : metadata.properties().entrySet()) {
          out.writeStringField(property.getKey(), property.getValue());
        }
        out.writeEndObject();
      }
      if (!metadata.sensitive().isEmpty()) {
        out.writeFieldName("sensitive");
        writeStrings(out, metadata.sensitive());
      }
      out.writeEndObject();
    });
  }

  /** Null for null; each rule keeps its JSON as written. */
  public static RuleSet ruleSet(RawJson json) {
    if (json == null) {
      return null;
    }
    JsonNode node = parse(json);
    return new RuleSet(rules(node.path("migrationRules")), rules(node.path("domainRules")),
        rules(node.path("encodingRules")));
  }

  public static RawJson json(RuleSet ruleSet) {
    if (ruleSet == null) {
      return null;
    }
    return render(out -> {
      out.writeStartObject();
      writeRules(out, "migrationRules", ruleSet.migrationRules());
      writeRules(out, "domainRules", ruleSet.domainRules());
      writeRules(out, "encodingRules", ruleSet.encodingRules());
      out.writeEndObject();
    });
  }

  /** The canonical text of stored or submitted metadata (null stays null). */
  public static RawJson canonicalMetadata(RawJson json) {
    return json == null ? null : json(metadata(json));
  }

  public static RawJson canonicalRuleSet(RawJson json) {
    return json == null ? null : json(ruleSet(json));
  }

  private static List<RuleSet.Rule> rules(JsonNode array) {
    List<RuleSet.Rule> rules = new ArrayList<>();
    for (JsonNode rule : array) {
      if (rule.isObject()) {
        rules.add(new RuleSet.Rule(text(rule, "name"), text(rule, "type"), new RawJson(rule.toString())));
      }
    }
    return rules;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static SortedSet<String> strings(JsonNode array) {
    SortedSet<String> values = new TreeSet<>();
    for (JsonNode value : array) {
      if (!value.isNull()) {
        values.add(value.asText());
      }
    }
    return values;
  }

  static JsonNode parse(RawJson json) {
    try {
      return MAPPER.readTree(json.text());
    } catch (JsonProcessingException e) {
      throw new RecordFormatException("Metadata or rule set is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void writeStrings(JsonGenerator out, SortedSet<String> values) throws IOException {
    out.writeStartArray();
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }

  private static void writeRules(JsonGenerator out, String field, List<RuleSet.Rule> rules)
      throws IOException {
    if (!rules.isEmpty()) {
      out.writeArrayFieldStart(field);
      for (RuleSet.Rule rule : rules) {
        out.writeRawValue(rule.json().text());
      }
      out.writeEndArray();
    }
  }

  @FunctionalInterface
  private interface Writer {
    void write(JsonGenerator out) throws IOException;
  }

  private static RawJson render(Writer writer) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return new RawJson(text.toString());
  }
}
