package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaFormatsTest {

  @Test
  void loadFindsTheFormatsOnTheClassPath() {
    SchemaFormats formats = SchemaFormats.load();
    assertThat(formats.types()).containsExactly("TEXT");
    assertThat(formats.find("TEXT")).get().isInstanceOf(TextFormat.class);
  }

  @Test
  void findIgnoresCaseAndIsEmptyForAnUnknownType() {
    SchemaFormats formats = SchemaFormats.of(new TextFormat("AVRO"), new TextFormat("JSON"));
    assertThat(formats.find("avro")).get().extracting(SchemaFormat::type).isEqualTo("AVRO");
    assertThat(formats.find("Json")).get().extracting(SchemaFormat::type).isEqualTo("JSON");
    assertThat(formats.find("PROTOBUF")).isEmpty();
  }

  @Test
  void typesAreTheFormatsTypes() {
    assertThat(SchemaFormats.of(new TextFormat("AVRO"), new TextFormat("JSON")).types())
        .containsExactlyInAnyOrder("AVRO", "JSON");
    assertThat(SchemaFormats.of().types()).isEmpty();
  }

  @Test
  void aLaterFormatOfTheSameTypeWins() {
    TextFormat second = new TextFormat("AVRO");
    assertThat(SchemaFormats.of(new TextFormat("AVRO"), second).find("AVRO")).containsSame(second);
  }

  @Test
  void withReplacesOneTypeAndLeavesTheOriginalAsItWas() {
    TextFormat avro = new TextFormat("AVRO");
    TextFormat json = new TextFormat("JSON");
    TextFormat configured = new TextFormat("AVRO");
    SchemaFormats original = SchemaFormats.of(avro, json);

    SchemaFormats changed = original.with(configured);

    assertThat(changed.find("AVRO")).containsSame(configured);
    assertThat(changed.find("JSON")).containsSame(json);
    assertThat(original.find("AVRO")).containsSame(avro);
    assertThat(SchemaFormats.of(avro).with(json).types()).containsExactlyInAnyOrder("AVRO", "JSON");
  }
}
