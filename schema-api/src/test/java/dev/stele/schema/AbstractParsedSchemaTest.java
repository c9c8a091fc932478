package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.TextFormat.TextSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the formats' parsed schemas share, and ParsedSchema's defaults. */
class AbstractParsedSchemaTest {
  private static final ResolvedReference REF = new ResolvedReference(
      new SchemaReference("a.txt", "a", 2), "TEXT", "a", List.of());

  private static TextSchema schema(String canonical, ResolvedReference... refs) {
    return new TextSchema("TEXT", canonical, List.of(refs));
  }

  @Test
  void holdsItsTypeCanonicalTextAndReferences() {
    TextSchema schema = schema("x", REF);
    assertThat(schema.type()).isEqualTo("TEXT");
    assertThat(schema.canonical()).isEqualTo("x");
    assertThat(schema.toString()).isEqualTo("x");
    assertThat(schema.references()).containsExactly(new SchemaReference("a.txt", "a", 2));
    assertThat(schema.resolved()).containsExactly(REF);
  }

  @Test
  void equalWhenTheRegistryWouldStoreTheSame() {
    assertThat(schema("x", REF)).isEqualTo(schema("x", REF)).hasSameHashCodeAs(schema("x", REF));
    assertThat(schema("x", REF)).isNotEqualTo(schema("y", REF));
    assertThat(schema("x", REF)).isNotEqualTo(schema("x"));
    assertThat(schema("x")).isNotEqualTo(null).isNotEqualTo("x");
  }

  @Test
  void schemasOfDifferentClassesAreNotEqual() {
    AbstractParsedSchema other = new AbstractParsedSchema("TEXT", "x", List.of()) {
      @Override
      public ParsedSchema normalize() {
        return this;
      }
    };
    assertThat(schema("x")).isNotEqualTo(other);
    assertThat(other).isNotEqualTo(schema("x"));
  }

  @Test
  void formattedGivesTheCanonicalTextForTheDefaultFormatsOnly() {
    TextSchema schema = schema("x");
    assertThat(schema.formatted(null)).isEqualTo("x");
    assertThat(schema.formatted("")).isEqualTo("x");
    assertThat(schema.formatted("default")).isEqualTo("x");
    assertThatThrownBy(() -> schema.formatted("serialized"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Unsupported format serialized");
    assertThat(schema.name()).isNull();
  }

  @Test
  void aFormatParsesAndAnswersADifferentTypeWithTheCommonFinding() throws Exception {
    TextFormat text = new TextFormat();
    ParsedSchema parsed = text.parse(SchemaSource.of(" x "));
    assertThat(parsed).isEqualTo(schema("x"));
    assertThatThrownBy(() -> text.parse(SchemaSource.of(" ")))
        .isInstanceOf(InvalidSchemaException.class);
    ParsedSchema foreign = new AbstractParsedSchema("OTHER", "x", List.of()) {
      @Override
      public ParsedSchema normalize() {
        return this;
      }
    };
    assertThat(text.checkCanRead(parsed, foreign, SchemaFormat.Roles.NEW_READS_OLD)
        .incompatibilities()).extracting(Incompatibility::kind)
        .containsExactly(CommonKind.SCHEMA_TYPE_MISMATCH);
  }
}
