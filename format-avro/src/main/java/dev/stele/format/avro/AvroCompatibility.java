package dev.stele.format.avro;

import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Avro's own resolution rules ({@link SchemaCompatibility#checkReaderWriterCompatibility}) decide;
 * this class only renders every incompatibility Avro reports, in Avro's order, the way the
 * Confluent registry does.
 */
final class AvroCompatibility {
  /** Kind reported when Avro's checker itself fails, as the Confluent registry words it. */
  static final String UNEXPECTED = "UNEXPECTED_EXCEPTION";

  private AvroCompatibility() {}

  static CompatibilityResult check(Schema reader, Schema writer, Roles roles) {
    String readerRole = roles == Roles.NEW_READS_OLD ? "new" : "old";
    String writerRole = roles == Roles.NEW_READS_OLD ? "old" : "new";
    List<SchemaCompatibility.Incompatibility> found;
    try {
      found = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
          .getResult()
          .getIncompatibilities();
    } catch (RuntimeException | StackOverflowError e) {
      return CompatibilityResult.of(new Incompatibility(UNEXPECTED, "/",
          "Unexpected exception during compatibility check: " + e.getMessage()));
    }
    List<Incompatibility> out = new ArrayList<>(found.size());
    for (SchemaCompatibility.Incompatibility each : found) {
      String path = each.getLocation();
      String message = AvroIncompatibilityKind.describe(
          each.getType(), path, each.getMessage(), readerRole, writerRole);
      out.add(new Incompatibility(each.getType().name(), path, message));
    }
    return new CompatibilityResult(out);
  }
}
