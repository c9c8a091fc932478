package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code normalize=true}. Expectations come from the conformance transcripts: where the Confluent
 * registry gave a normalized registration the same id as the plain one, the texts are equal.
 */
class AvroNormalizeTest {
  // The Confluent default (defaults checked only when normalizing), which the corpus records.
  private static final AvroFormat AVRO = new AvroFormat(false);

  private static String withField(String type, String defaultValue) {
    return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":" + type
        + ",\"default\":" + defaultValue + "}]}";
  }

  /** Field type and default whose normalized text is the plain canonical text. */
  static Stream<Arguments> unchanged() {
    return Stream.of(
        Arguments.of("\"int\"", "1"),
        Arguments.of("\"long\"", "9999999999"),
        Arguments.of("\"float\"", "\"NaN\""),
        Arguments.of("\"null\"", "null"),
        Arguments.of("\"bytes\"", "\"\\u00ff\""),
        Arguments.of("[\"null\",\"int\"]", "null"),
        Arguments.of("{\"type\":\"array\",\"items\":\"int\"}", "[1,2]"),
        Arguments.of("{\"type\":\"map\",\"values\":\"int\"}", "{\"a\":1}"),
        Arguments.of("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}", "\"A\""),
        Arguments.of("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}", "\"Z\""),
        Arguments.of("{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}", "\"ab\""),
        Arguments.of("{\"type\":\"record\",\"name\":\"In\",\"fields\":[{\"name\":\"x\","
            + "\"type\":\"int\"}]}", "{\"x\":1}"));
  }

  @ParameterizedTest(name = "[{index}] {0} default {1}")
  @MethodSource("unchanged")
  void keepsDefaultsTheRegistryKeeps(String type, String defaultValue)
      throws InvalidSchemaException {
    AvroSchema plain = AVRO.parse(SchemaSource.of(withField(type, defaultValue)));

    assertThat(plain.normalize().canonical()).isEqualTo(plain.canonical());
  }

  @Test
  void retypesADefaultThroughAvrosReadingOfIt() throws InvalidSchemaException {
    // the registry gave this one a new id: 1 became 1.0
    assertThat(AVRO.parse(SchemaSource.of(withField("\"double\"", "1"))).normalize().canonical())
        .isEqualTo(withField("\"double\"", "1.0"));
    // a default Avro cannot read as the field's type is dropped (lookups do not validate)
    assertThat(AVRO.parse(new SchemaSource(withField("\"boolean\"", "0"), List.of(), false))
        .normalize().canonical())
        .isEqualTo("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\","
            + "\"type\":\"boolean\"}]}");
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(withField("\"int\"", "null"), "Invalid default for field f: null not a \"int\""),
        Arguments.of(withField("\"int\"", "\"1\""), "Invalid default for field f: \"1\" not a \"int\""),
        Arguments.of(withField("\"int\"", "1.5"), "Invalid default for field f: 1.5 not a \"int\""),
        Arguments.of(withField("\"boolean\"", "0"), "Invalid default for field f: 0 not a \"boolean\""),
        Arguments.of(withField("\"string\"", "1"), "Invalid default for field f: 1 not a \"string\""),
        Arguments.of(withField("[\"null\",\"int\"]", "1"),
            "Invalid default for field f: 1 not a [\"null\",\"int\"]"),
        Arguments.of(withField("[\"int\",\"null\"]", "null"),
            "Invalid default for field f: null not a [\"int\",\"null\"]"),
        Arguments.of(withField("{\"type\":\"array\",\"items\":\"int\"}", "[\"x\"]"),
            "Cannot invoke \"Object.getClass()\" because \"datum\" is null"),
        Arguments.of(withField("{\"type\":\"record\",\"name\":\"In\",\"fields\":[{\"name\":\"x\","
                + "\"type\":\"int\"}]}", "{}"),
            "Invalid default for field f: {} not a {\"type\":\"record\",\"name\":\"In\","
                + "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}"));
  }

  /**
   * A default Avro cannot read at all stops the normalizer itself; the registry words that failure
   * apart from a normalized form that fails its checks, so only the second has an
   * {@link InvalidSchemaException} as cause.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("refused")
  void refusesBadDefaultsWhenRegisteringNormalized(String text, String details)
      throws InvalidSchemaException {
    AvroSchema parsed = AVRO.parse(SchemaSource.of(text));
    boolean unwritable = details.startsWith("Cannot invoke");

    assertThat(parsed.canonical()).as("accepted without normalize").isNotEmpty();
    assertThatThrownBy(parsed::normalize)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(details)
        .satisfies(e -> assertThat(e.getCause() instanceof InvalidSchemaException)
            .as("cause is a parse failure").isEqualTo(!unwritable));
  }

  @Test
  void makesSpellingsOfOneSchemaAgree() throws InvalidSchemaException {
    String compact = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\","
        + "\"type\":\"string\"}]}";
    String spaced = "{ \"type\" : \"record\", \"name\" : \"User\",\n  \"fields\" : [ { \"name\" :"
        + " \"name\", \"type\" : \"string\" } ] }";
    String reordered = "{\"fields\":[{\"type\":\"string\",\"name\":\"name\"}],\"name\":\"User\","
        + "\"type\":\"record\"}";

    for (String text : List.of(compact, spaced, reordered)) {
      assertThat(AVRO.parse(SchemaSource.of(text)).normalize().canonical()).isEqualTo(compact);
    }
  }

  @Test
  void sortsPropertiesAndAliasesAndDropsAnEmptyRecordDoc() throws InvalidSchemaException {
    String text = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"z\":1,\"a\":[1,2],"
        + "\"aliases\":[\"Z\",\"B\"],\"doc\":\"\",\"fields\":[{\"name\":\"f\",\"type\":{\"type\":"
        + "\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":0,\"b\":true},"
        + "\"aliases\":[\"y\",\"x\"],\"zz\":null,\"aa\":\"s\",\"doc\":\"\"}]}";

    assertThat(AVRO.parse(SchemaSource.of(text)).normalize().canonical()).isEqualTo(
        "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"fields\":[{\"name\":\"f\","
            + "\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"b\":true,"
            + "\"scale\":0},\"doc\":\"\",\"aliases\":[\"x\",\"y\"],\"aa\":\"s\",\"zz\":null}],"
            + "\"a\":[1,2],\"z\":1,\"aliases\":[\"B\",\"Z\"]}");
  }

  @Test
  void writesEachNamedTypeOnceAndKeepsRecursion() throws InvalidSchemaException {
    String text = "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"n\",\"fields\":["
        + "{\"name\":\"e\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"X\"],"
        + "\"default\":\"X\"}},{\"name\":\"again\",\"type\":\"n.E\"},"
        + "{\"name\":\"next\",\"type\":[\"null\",\"A\"]}]}";
    AvroSchema normalized = AVRO.parse(SchemaSource.of(text)).normalize();

    assertThat(normalized.canonical()).isEqualTo("{\"type\":\"record\",\"name\":\"A\","
        + "\"namespace\":\"n\",\"fields\":[{\"name\":\"e\",\"type\":{\"type\":\"enum\","
        + "\"name\":\"E\",\"symbols\":[\"X\"],\"default\":\"X\"}},{\"name\":\"again\","
        + "\"type\":\"E\"},{\"name\":\"next\",\"type\":[\"null\",\"A\"]}]}");
    assertThat(normalized.normalize().canonical()).as("idempotent")
        .isEqualTo(normalized.canonical());
  }
}
