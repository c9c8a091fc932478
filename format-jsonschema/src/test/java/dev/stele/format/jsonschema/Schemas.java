package dev.stele.format.jsonschema;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaReference;
import dev.stele.schema.SchemaSource;
import java.util.List;

/** Test helpers: parse schemas, written with single quotes for readability. */
final class Schemas {
  static final JsonSchemaFormat FORMAT = new JsonSchemaFormat();

  private Schemas() {}

  /** JSON with ' for ", so that tables stay readable. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static JsonSchema parse(String singleQuoted) {
    try {
      return FORMAT.parse(SchemaSource.of(json(singleQuoted)));
    } catch (InvalidSchemaException e) {
      throw new AssertionError("does not parse: " + singleQuoted + ": " + reason(e), e);
    }
  }

  static JsonSchema parse(String singleQuoted, List<ResolvedReference> refs)
      throws InvalidSchemaException {
    return FORMAT.parse(new SchemaSource(json(singleQuoted), refs, true));
  }

  static ResolvedReference ref(String name, String singleQuoted, ResolvedReference... nested) {
    return new ResolvedReference(new SchemaReference(name, name + "-value", 1), "JSON",
        json(singleQuoted), List.of(nested));
  }

  /** The loader's or meta-schema's own reason, without its place. */
  static String reason(InvalidSchemaException e) {
    return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
  }
}
