package dev.stele.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * The text of this schema with tags written into it, as the Confluent registry writes them
   * (Avro and JSON Schema: a {@code confluent:tags} list on the record or field; Protobuf: the
   * {@code confluent.message_meta} and {@code confluent.field_meta} options). The caller parses
   * the text again, so the result is checked and made canonical like any submission.
   *
   * @throws IllegalArgumentException naming the path when an entity matches nothing
   * @throws UnsupportedOperationException when the format has no tags
   */
  default String withTags(TagEdit edit) {
    throw new UnsupportedOperationException(type() + " schemas cannot be tagged");
  }

  /**
   * Every field of every record, message or object in this schema (nested ones included, each
   * named type walked once), in schema order: what a search by field name or type reads. None for
   * a format that does not say.
   */
  default List<SchemaField> fields() {
    return List.of();
  }

  /** The tags written in the schema, by entity, in schema order (none for formats without tags). */
  default Map<SchemaEntity, Set<String>> inlineTags() {
    return Map.of();
  }
}
