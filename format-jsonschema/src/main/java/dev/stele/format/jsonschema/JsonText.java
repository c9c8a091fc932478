package dev.stele.format.jsonschema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile("^Unexpected character \\('(.)' \\(code (\\d+)\\)\\)");
  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '([^']*)'");

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

  /**
   * What is wrong with text that is not JSON, and where, in a few plain words: Jackson's own
   * messages name its classes and limits, which mean nothing to the schema's author.
   */
  static String syntaxError(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      return message.contains("nesting depth") ? "nested deeper than " + MAX_DEPTH + " levels"
          : "a value is longer than allowed";
    }
    String problem;
    Matcher character = UNEXPECTED_CHARACTER.matcher(message);
    Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
    if (e instanceof JsonEOFException) {
      problem = "unexpected end of input";
    } else if (character.find()) {
      int code = Integer.parseInt(character.group(2));
      problem = code < 0x20 || code == 0x7f ? "unexpected control character (code " + code + ")"
          : "unexpected character '" + character.group(1) + "'";
    } else if (token.find()) {
      String text = token.group(1);
      problem = "unexpected text '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    } else if (message.startsWith("Trailing token")) {
      problem = "unexpected text after the schema";
    } else if (message.startsWith("Illegal unquoted character")) {
      problem = "a control character inside a string must be escaped";
    } else {
      problem = "malformed JSON";
    }
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? problem
        : problem + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
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
