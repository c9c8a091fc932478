package dev.stele.format.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Canonical and normalized text. Rows marked "corpus" are answers the Confluent registry gave in
 * the conformance corpus (reg-json, reg-json-valid, reg-json-normalize, json-shapes).
 */
class CanonicalTextTest {

  static Stream<Arguments> rows() {
    return Stream.of(
        // corpus: whitespace goes, key order stays; normalize sorts keys
        row("{ \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } }",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}",
            "{\"properties\":{\"a\":{\"type\":\"string\"}},\"type\":\"object\"}"),
        row("{\"properties\":{\"a\":{\"type\":\"string\"}},\"type\":\"object\"}",
            "{\"properties\":{\"a\":{\"type\":\"string\"}},\"type\":\"object\"}",
            "{\"properties\":{\"a\":{\"type\":\"string\"}},\"type\":\"object\"}"),
        // corpus: boolean, empty, non-object roots are kept as they are
        row("true", "true", "true"),
        row("false", "false", "false"),
        row("{}", "{}", "{}"),
        row("[]", "[]", "[]"),
        row("12", "12", "12"),
        row("\"x\"", "\"x\"", "\"x\""),
        row("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"string\"}",
            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"string\"}",
            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"string\"}"),
        // numbers stay exact decimals (scale kept; exponent and negative zero as BigDecimal
        // prints them, the same Jackson settings as the Confluent registry's)
        row("{\"type\":\"number\",\"maximum\":1.50,\"minimum\":-0.0,\"default\":1e2}",
            "{\"type\":\"number\",\"maximum\":1.50,\"minimum\":0.0,\"default\":1E+2}",
            "{\"default\":1E+2,\"maximum\":1.50,\"minimum\":0.0,\"type\":\"number\"}"),
        row("{\"type\":\"integer\",\"maximum\":12345678901234567890123}",
            "{\"type\":\"integer\",\"maximum\":12345678901234567890123}",
            "{\"maximum\":12345678901234567890123,\"type\":\"integer\"}"),
        // unicode and escapes survive
        row("{\"title\":\"caf\\u00e9 \\\"q\\\" \\n\"}", "{\"title\":\"café \\\"q\\\" \\n\"}",
            "{\"title\":\"café \\\"q\\\" \\n\"}"),
        // normalize sorts nested objects (in enum and default too) but never reorders arrays
        row("{\"enum\":[{\"b\":1,\"a\":2},\"z\",\"a\"],\"type\":[\"string\",\"object\"]}",
            "{\"enum\":[{\"b\":1,\"a\":2},\"z\",\"a\"],\"type\":[\"string\",\"object\"]}",
            "{\"enum\":[{\"a\":2,\"b\":1},\"z\",\"a\"],\"type\":[\"string\",\"object\"]}"));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void canonicalAndNormalizedText(String input, String canonical, String normalized)
      throws Exception {
    JsonSchema schema = Schemas.FORMAT.parse(dev.stele.schema.SchemaSource.of(input));
    assertThat(schema.canonical()).isEqualTo(canonical);
    assertThat(schema.normalize().canonical()).isEqualTo(normalized);
    assertThat(schema.normalize().normalize().canonical()).isEqualTo(normalized);
  }

  private static Arguments row(String input, String canonical, String normalized) {
    return Arguments.of(input, canonical, normalized);
  }
}
