package dev.stele.schema;

import java.util.List;

/**
 * A schema that parsed and validated. Immutable and safe to cache and share between threads.
 */
public interface ParsedSchema {

  /** The format's type name, as in {@link SchemaFormat#type()}. */
  String type();

  /** The canonical text: what the registry stores, hashes and returns for this schema. */
  String canonical();

  /**
   * The normalized form (the registry's {@code normalize=true}): a canonical text in which
   * equivalent schemas that differ only in spelling (attribute order, reference order) agree.
   */
  ParsedSchema normalize();

  /** The references this schema was parsed with, in request order. */
  List<SchemaReference> references();

  /**
   * The schema rendered in a named output format ({@code GET ...?format=}); the empty string or
   * {@code default} give {@link #canonical()}.
   *
   * @throws IllegalArgumentException when the format does not know that name
   */
  default String formatted(String format) {
    if (format == null || format.isEmpty() || format.equals("default")) {
      return canonical();
    }
    throw new IllegalArgumentException("Unsupported format " + format);
  }

  /**
   * The name a record-name subject strategy uses (Avro full name, Protobuf first message, JSON
   * title), or null when the schema has none.
   */
  default String name() {
    return null;
  }
}
