package dev.stele.schema;

import java.util.Objects;

/**
 * A field of a record, message or object, as a search across schemas finds it: where it is
 * (spelled as {@link SchemaEntity} paths are, e.g. {@code shop.Order.total}), its name, and its
 * type as the format writes it ({@code long}, {@code shop.Money}, {@code array<string>},
 * {@code union<null, string>}, {@code repeated int32}).
 */
public record SchemaField(String path, String name, String type) {
  public SchemaField {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
