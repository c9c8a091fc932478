package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The count over a body's bytes is the UTF-8 size of the schema Jackson reads from it (escapes,
 * surrogate pairs, raw multi-byte text, repeated keys, other members around it), and a body it
 * cannot follow answers unknown rather than a guess.
 */
class SchemaSizeTest {

  @Test
  void countsWhatJacksonDecodes() throws Exception {
    Random random = new Random(17);
    for (int i = 0; i < 2_000; i++) {
      String body = body(random);
      JsonNode read = Json.MAPPER.readTree(body.getBytes(StandardCharsets.UTF_8));
      JsonNode schema = read.get("schema");
      long expected = schema != null && schema.isTextual()
          ? Call.utf8Length(schema.asText()) : SchemaSize.UNKNOWN;
      assertThat(SchemaSize.of(buffer(body))).as(body).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "'not an object'  | \"schema\"",
      "'unclosed'       | {\"schema\":\"abc",
      "'bad escape'     | {\"schema\":\"a\\qb\"}",
      "'trailing text'  | {\"schema\":\"abc\"} x",
      "'escaped key'    | {\"sch\\u0065ma\":\"abc\"}",
      "'raw tab'        | {\"schema\":\"a\tb\"}",
      "'bad brackets'   | {\"schema\":\"abc\",\"x\":[1}}",
      "'no schema'      | {\"schemaType\":\"AVRO\"}",
      "'schema null'    | {\"schema\":\"abc\",\"schema\":null}"})
  void whatItDoesNotFollowIsUnknown(String name, String body) {
    assertThat(SchemaSize.of(buffer(body))).isEqualTo(SchemaSize.UNKNOWN);
  }

  private static Buffer buffer(String text) {
    return Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A registration body: members in any order, a schema with every kind of character. */
  private static String body(Random random) {
    StringBuilder out = new StringBuilder(random.nextBoolean() ? "\ufeff" : "").append("{ ");
    int members = 1 + random.nextInt(4);
    for (int m = 0; m < members; m++) {
      out.append(m == 0 ? "" : " ,\n");
      switch (random.nextInt(5)) {
        case 0, 1 -> out.append("\"schema\" : ").append(random.nextInt(8) == 0 ? "5" : quoted(random));
        case 2 -> out.append("\"references\":[{\"name\":").append(quoted(random))
            .append(",\"subject\":\"s\",\"version\":1}, [], {}]");
        case 3 -> out.append("\"metadata\":{\"properties\":{\"schema\":").append(quoted(random))
            .append("}, \"tags\": {\"a\": [true, false, null, -1.5e3]}}");
        default -> out.append("\"schemaType\":\"AVRO\"");
      }
    }
    return out.append(" }").toString();
  }

  /** A JSON string of random characters, some escaped, some raw in UTF-8. */
  private static String quoted(Random random) {
    StringBuilder out = new StringBuilder("\"");
    int n = random.nextInt(30);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(9)) {
        case 0 -> out.append("\\\"");
        case 1 -> out.append("\\\\");
        case 2 -> out.append("\\n\\t\\/\\b\\f\\r");
        case 3 -> out.append(String.format("\\u%04x", random.nextInt(0xD800)));
        case 4 -> out.append("\\ud83d\\ude00"); // one emoji: four bytes
        case 5 -> out.append("\\ud83d"); // a lone surrogate, as Jackson reads it
        case 6 -> out.append("\u00e9\u20ac\ud83d\ude00"); // raw: 2, 3 and 4 bytes
        default -> out.append((char) ('a' + random.nextInt(26)));
      }
    }
    return out.append('"').toString();
  }
}
