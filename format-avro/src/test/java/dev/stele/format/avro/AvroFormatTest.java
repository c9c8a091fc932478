package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaFormats;
import dev.stele.schema.SchemaSource;
import org.junit.jupiter.api.Test;

/** The plugin as the registry sees it: found by ServiceLoader, naming and output formats. */
class AvroFormatTest {
  private static final AvroFormat AVRO = new AvroFormat();
  private static final String USER = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.x\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";

  @Test
  void isFoundByServiceLoader() {
    assertThat(SchemaFormats.load().find("AVRO")).get().isInstanceOf(AvroFormat.class);
  }

  @Test
  void namesRecordsByFullNameOnly() throws InvalidSchemaException {
    assertThat(AVRO.parse(SchemaSource.of(USER)).name()).isEqualTo("com.x.User");
    // the registry's Avro schema names records only; enums, fixed and the rest have no name
    assertThat(AVRO.parse(SchemaSource.of("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}"))
        .name()).isNull();
    assertThat(AVRO.parse(SchemaSource.of("\"string\"")).name()).isNull();
  }

  @Test
  void rendersDefaultAndUnknownFormatsAsCanonicalText() throws InvalidSchemaException {
    AvroSchema schema = AVRO.parse(SchemaSource.of(USER.replace(",", " , ")));

    assertThat(schema.canonical()).isEqualTo(USER);
    assertThat(schema.formatted(null)).isEqualTo(USER);
    assertThat(schema.formatted("")).isEqualTo(USER);
    assertThat(schema.formatted("default")).isEqualTo(USER);
    // the registry answers an unknown format with the canonical text (format=nope in the corpus)
    assertThat(schema.formatted("nope")).isEqualTo(USER);
    assertThat(schema.formatted("resolved")).isEqualTo(USER);
    assertThat(schema.toString()).isEqualTo(USER);
  }

  @Test
  void isAValueOfItsCanonicalTextAndReferences() throws InvalidSchemaException {
    AvroSchema compact = AVRO.parse(SchemaSource.of(USER));
    AvroSchema spaced = AVRO.parse(SchemaSource.of(USER.replace(":", " : ")));

    assertThat(spaced).isEqualTo(compact).hasSameHashCodeAs(compact);
    assertThat(compact.type()).isEqualTo("AVRO");
    assertThat(compact.avro().getFullName()).isEqualTo("com.x.User");
    assertThat(AVRO.parse(SchemaSource.of("\"int\""))).isNotEqualTo(compact);
  }

  @org.junit.jupiter.api.Test
  void refusesInvalidDefaultsUnlessToldToBehaveLikeConfluent() throws Exception {
    String schema = "{\"type\":\"record\",\"name\":\"X\",\"fields\":"
        + "[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new AvroFormat().parse(dev.stele.schema.SchemaSource.of(schema)))
        .isInstanceOf(dev.stele.schema.InvalidSchemaException.class)
        .hasMessageContaining("Invalid default for field a");
    org.assertj.core.api.Assertions.assertThat(
        new AvroFormat(false).parse(dev.stele.schema.SchemaSource.of(schema)).name()).isEqualTo("X");
    // A lookup (validate=false) finds such a schema even with checks on.
    org.assertj.core.api.Assertions.assertThat(new AvroFormat().parse(
        new dev.stele.schema.SchemaSource(schema, java.util.List.of(), false)).name()).isEqualTo("X");
  }
}
