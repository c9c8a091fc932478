package dev.stele.format.avro;

import java.util.List;
import org.apache.avro.Schema;

/**
 * {@code normalize=true} for Avro. Avro's own printer already writes attributes in one fixed
 * order and drops insignificant white space, which is what makes two spellings of one schema
 * agree; so the normalized text is that printing.
 */
final class AvroNormalizer {
  private AvroNormalizer() {}

  static String normalize(Schema schema, List<Schema> referenced) {
    return schema.toString(referenced, false);
  }
}
