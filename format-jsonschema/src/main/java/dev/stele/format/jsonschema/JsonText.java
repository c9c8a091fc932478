package dev.stele.format.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;

/**
 * Schema text in and out, the way the Confluent registry's JSON Schema provider reads and writes it:
 * numbers kept exactly as written (BigDecimal, so {@code 1.50} stays {@code 1.50}), NaN and
 * Infinity accepted, compact output in the key order given; the normalized form sorts keys at
 * every level. The canonical text is a fact clients hash and compare, so these settings matter.
 */
final class JsonText {
  /**
   * Deeper JSON than this is refused before anything recursive walks it (the meta-schema check,
   * the model loader and the diff all recurse once per level).
   */
  static final int MAX_DEPTH = 500;

  private static final ObjectMapper AS_GIVEN = mapper(JsonNodeFactory.instance);
  private static final ObjectMapper SORTED = mapper(new SortingNodeFactory());

  private JsonText() {}

  private static ObjectMapper mapper(JsonNodeFactory nodes) {
    JsonMapper mapper = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .nodeFactory(nodes)
        .build();
    mapper.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    return mapper;
  }

  /** The text as a tree, keys in the given order. */
  static JsonNode read(String text) throws JsonProcessingException {
    return AS_GIVEN.readTree(text);
  }

  /** The text as a tree whose objects keep their keys sorted (the normalized form). */
  static JsonNode readSorted(String text) throws JsonProcessingException {
    return SORTED.readTree(text);
  }

  /** Compact JSON in the tree's key order. */
  static String write(JsonNode node) {
    try {
      return AS_GIVEN.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree built by Jackson always serializes; this is a bug, not bad input.
      throw new IllegalStateException(e);
    }
  }

  /** Objects built by this factory keep their keys in natural (code point) order. */
  private static final class SortingNodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public ObjectNode objectNode() {
      return new ObjectNode(this, new TreeMap<>());
    }
  }
}
