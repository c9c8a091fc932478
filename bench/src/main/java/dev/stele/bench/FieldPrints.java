package dev.stele.bench;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A bench-only prototype, measured by {@link CompatibilityBenchmark#fastPathAllBothWays}, of a
 * fast path the server could put before Avro's checker (see docs/benchmarks.md): a record's
 * fields with the 64-bit fingerprint of each field's type, computed once per parsed schema. Two
 * types with the same Parsing Canonical Form are the same type, so one always reads the other;
 * a reader field the writer lacks needs a default; a writer field the reader lacks is skipped.
 * That proves the common "fields added or removed with defaults" evolution compatible without
 * Avro's checker. Anything else (a changed field type, aliases, a renamed record) answers
 * "unknown" and must go to Avro, so verdicts and messages stay Avro's.
 */
final class FieldPrints {
  private final String fullName;
  private final Map<String, Long> typeByField = new HashMap<>();
  private final Map<String, Boolean> hasDefault = new HashMap<>();
  private final boolean usesAliases;

  private FieldPrints(Schema record) {
    fullName = record.getFullName();
    boolean aliases = !record.getAliases().isEmpty();
    for (Schema.Field field : record.getFields()) {
      typeByField.put(field.name(), SchemaNormalization.parsingFingerprint64(field.schema()));
      hasDefault.put(field.name(), field.hasDefaultValue());
      aliases |= !field.aliases().isEmpty();
    }
    usesAliases = aliases;
  }

  /** Null when the schema is not a record: the fast path only knows records. */
  static FieldPrints of(Schema schema) {
    return schema.getType() == Schema.Type.RECORD ? new FieldPrints(schema) : null;
  }

  /** True when {@code reader} surely reads data written with {@code writer}; false means "ask Avro". */
  static boolean surelyReads(FieldPrints reader, FieldPrints writer) {
    if (reader == null || writer == null || reader.usesAliases || !reader.fullName.equals(writer.fullName)) {
      return false;
    }
    for (Map.Entry<String, Long> field : reader.typeByField.entrySet()) {
      Long written = writer.typeByField.get(field.getKey());
      if (written == null ? !reader.hasDefault.get(field.getKey()) : !written.equals(field.getValue())) {
        return false;
      }
    }
    return true;
  }
}
