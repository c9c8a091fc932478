package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaSource;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text the registry stores and returns for a submitted schema. Rows come from the conformance
 * transcripts (the schema a Confluent 7.9 registry returned after each registration).
 */
class AvroCanonicalTest {
  private static final AvroFormat AVRO = new AvroFormat();

  private static Arguments row(String submitted, String canonical) {
    return Arguments.of(submitted, canonical);
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        row("{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}",
            "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}"),
        row("{ \"type\" : \"record\", \"name\" : \"User\",\n  \"fields\" : [ { \"name\" : \"name\", \"type\" : \"string\" } ] }",
            "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}"),
        row("\"string\"",
            "\"string\""),
        row("{\"type\":\"string\"}",
            "\"string\""),
        row("\"int\"",
            "\"int\""),
        row("{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\",\"GREEN\"]}",
            "{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\",\"GREEN\"]}"),
        row("[\"null\",\"string\"]",
            "[\"null\",\"string\"]"),
        row("{\"type\":\"record\",\"name\":\"User\",\"doc\":\"a user\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}",
            "{\"type\":\"record\",\"name\":\"User\",\"doc\":\"a user\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}"),
        row("{\"type\":\"array\",\"items\":\"int\"}",
            "{\"type\":\"array\",\"items\":\"int\"}"),
        row("{\"type\":\"map\",\"values\":\"long\"}",
            "{\"type\":\"map\",\"values\":\"long\"}"),
        row("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}",
            "{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}"),
        row("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2}",
            "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2}"),
        row("{\"type\":\"int\",\"logicalType\":\"date\"}",
            "{\"type\":\"int\",\"logicalType\":\"date\"}"),
        row("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":1,\"doc\":\"d\",\"aliases\":[\"b\"],\"order\":\"descending\"}],\"aliases\":[\"Q\"],\"custom\":\"x\"}",
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"doc\":\"d\",\"default\":1,\"order\":\"descending\",\"aliases\":[\"b\"]}],\"custom\":\"x\",\"aliases\":[\"Q\"]}"),
        row("{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}",
            "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}"),
        row("\"long\"",
            "\"long\""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void storesTheRegistrysCanonicalText(String submitted, String canonical)
      throws InvalidSchemaException {
    AvroSchema schema = AVRO.parse(SchemaSource.of(submitted));

    assertThat(schema.canonical()).isEqualTo(canonical);
    assertThat(AVRO.parse(SchemaSource.of(canonical)).canonical())
        .as("canonical text is a fixed point").isEqualTo(canonical);
  }
}
