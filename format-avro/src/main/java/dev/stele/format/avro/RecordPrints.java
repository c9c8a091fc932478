package dev.stele.format.avro;

import dev.stele.schema.CheckDigest;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A quick proof that one record reads another, tried before Avro's checker, and the digest the
 * registry keeps of a stored version so that it need not parse that version to use the proof.
 *
 * <p>A transitive check of a subject with a long history compares the new schema with every
 * version both ways, and Avro's checker walks every field each time. Most histories only add or
 * remove fields with defaults, which this proves from a precomputed table: each field's type as
 * the 64-bit fingerprint of its Parsing Canonical Form. Two types with the same canonical form
 * are the same type, so one always reads the other; a field the writer lacks needs a default in
 * the reader; a field the reader lacks is skipped. Anything else (a changed type, aliases, another
 * record name) is "not proven" and goes to Avro, so verdicts and messages stay Avro's.
 *
 * <p>Kept as sorted arrays (names interned, shared between the versions of a history): about
 * 20 bytes a field, against a few kilobytes a field for the parsed schema.
 */
final class RecordPrints implements CheckDigest {
  private final String fullName;
  private final String[] names;
  private final long[] types;
  private final BitSet defaults;
  private final boolean usesAliases;

  private RecordPrints(Schema record) {
    fullName = record.getFullName().intern();
    List<Schema.Field> fields = record.getFields();
    Schema.Field[] sorted = fields.toArray(new Schema.Field[0]);
    Arrays.sort(sorted, (a, b) -> a.name().compareTo(b.name()));
    names = new String[sorted.length];
    types = new long[sorted.length];
    defaults = new BitSet(sorted.length);
    boolean aliases = !record.getAliases().isEmpty();
    for (int i = 0; i < sorted.length; i++) {
      names[i] = sorted[i].name().intern();
      types[i] = SchemaNormalization.parsingFingerprint64(sorted[i].schema());
      defaults.set(i, sorted[i].hasDefaultValue());
      aliases |= !sorted[i].aliases().isEmpty();
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
    // Both name lists are sorted: one walk over the two (a binary search per field cost a
    // FULL_TRANSITIVE check of 1,000 versions of 500 fields about twice as much). Names are
    // interned, so the same name is mostly the same String.
    String[] written = writer.names;
    int j = 0;
    for (int i = 0; i < reader.names.length; i++) {
      String name = reader.names[i];
      while (j < written.length && written[j] != name && written[j].compareTo(name) < 0) {
        j++;
      }
      boolean present = j < written.length && (written[j] == name || written[j].equals(name));
      boolean readable = present ? writer.types[j] == reader.types[i] : reader.defaults.get(i);
      if (!readable) {
        return false;
      }
    }
    return true;
  }

  @Override
  public long weight() {
    // Object headers and the three arrays, a reference and a long a field; the names are interned.
    return 96 + names.length * 16L + defaults.size() / 8;
  }
}
