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
 * this class only reports every incompatibility Avro finds, in Avro's order, with its kind,
 * Avro's location (already a JSON pointer) and Avro's message as the detail.
 */
final class AvroCompatibility {
  private AvroCompatibility() {}

  static CompatibilityResult check(Schema reader, Schema writer, Roles roles) {
    List<SchemaCompatibility.Incompatibility> found;
    try {
      found = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
          .getResult()
          .getIncompatibilities();
    } catch (RuntimeException | StackOverflowError e) {
      return CompatibilityResult.unexpected(roles, e);
    }
    List<Incompatibility> out = new ArrayList<>(found.size());
    for (SchemaCompatibility.Incompatibility each : found) {
      out.add(new Incompatibility(AvroIncompatibilityKind.of(each.getType()), each.getLocation(),
          roles, String.valueOf(each.getMessage())));
    }
    return new CompatibilityResult(out);
  }
}
