package dev.stele.format.avro;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A quick proof that one record reads another, tried before Avro's checker.
 *
 * <p>A transitive check of a subject with a long history compares the new schema with every
 * version both ways, and Avro's checker walks every field each time. Most histories only add or
 * remove fields with defaults, which this proves from a precomputed table: each field's type as
 * the 64-bit fingerprint of its Parsing Canonical Form. Two types with the same canonical form
 * are the same type, so one always reads the other; a field the writer lacks needs a default in
 * the reader; a field the reader lacks is skipped. Anything else (a changed type, aliases, another
 * record name) is "not proven" and goes to Avro, so verdicts and messages stay Avro's.
 */
final class RecordPrints {
  private final String fullName;
  private final Map<String, Long> typeOfField;
  private final Map<String, Boolean> hasDefault;
  private final boolean usesAliases;

  private RecordPrints(Schema record) {
    fullName = record.getFullName();
    typeOfField = new HashMap<>(record.getFields().size() * 2);
    hasDefault = new HashMap<>(record.getFields().size() * 2);
    boolean aliases = !record.getAliases().isEmpty();
    for (Schema.Field field : record.getFields()) {
      typeOfField.put(field.name(), SchemaNormalization.parsingFingerprint64(field.schema()));
      hasDefault.put(field.name(), field.hasDefaultValue());
      aliases |= !field.aliases().isEmpty();
    }
    usesAliases = aliases;
  }

  /** The table of a record schema; null for any other type, which the proof does not cover. */
  static RecordPrints of(Schema schema) {
    return schema.getType() == Schema.Type.RECORD ? new RecordPrints(schema) : null;
  }

  /** True when data written with {@code writer} surely reads with {@code reader}; false: ask Avro. */
  static boolean proven(RecordPrints reader, RecordPrints writer) {
    if (reader == null || writer == null || reader.usesAliases
        || !reader.fullName.equals(writer.fullName)) {
      return false;
    }
    for (Map.Entry<String, Long> field : reader.typeOfField.entrySet()) {
      Long written = writer.typeOfField.get(field.getKey());
      boolean readable = written == null ? reader.hasDefault.get(field.getKey()) : written.equals(field.getValue());
      if (!readable) {
        return false;
      }
    }
    return true;
  }
}
