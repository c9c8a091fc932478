package dev.stele.schema;

import java.util.List;

/**
 * A format whose schemas are any text, for testing what schema-api does around formats; found by
 * {@link java.util.ServiceLoader} through this module's test resources.
 */
public final class TextFormat extends AbstractSchemaFormat<TextFormat.TextSchema> {
  public TextFormat() {
    this("TEXT");
  }

  TextFormat(String type) {
    super(type, TextSchema.class);
  }

  @Override
  public TextSchema parse(SchemaSource source) throws InvalidSchemaException {
    if (source.text().isBlank()) {
      throw new InvalidSchemaException("empty");
    }
    return new TextSchema(type(), source.text().strip(), source.references());
  }

  @Override
  protected CompatibilityResult check(TextSchema reader, TextSchema writer, Roles roles) {
    return CompatibilityResult.COMPATIBLE;
  }

  /** A schema that is its text, stripped. */
  static final class TextSchema extends AbstractParsedSchema {
    TextSchema(String type, String canonical, List<ResolvedReference> resolved) {
      super(type, canonical, resolved);
    }

    @Override
    public TextSchema normalize() {
      return this;
    }

    List<ResolvedReference> resolved() {
      return resolvedReferences();
    }
  }
}
