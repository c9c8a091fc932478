package dev.stele.schema;

import java.util.List;

/**
 * A format whose schemas are any text, for testing what schema-api does around formats; found by
 * {@link java.util.ServiceLoader} through this module's test resources.
 */
public final class TextFormat implements SchemaFormat {
  private final String type;

  public TextFormat() {
    this("TEXT");
  }

  TextFormat(String type) {
    this.type = type;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public TextSchema parse(SchemaSource source) throws InvalidSchemaException {
    if (source.text().isBlank()) {
      throw new InvalidSchemaException("empty");
    }
    return new TextSchema(type, source.text().strip(), source.references());
  }

  @Override
  public CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles) {
    return reader instanceof TextSchema && writer instanceof TextSchema
        ? CompatibilityResult.COMPATIBLE : CompatibilityResult.differentSchemaTypes(roles);
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
