package dev.stele.format.avro;

import dev.stele.schema.CommonKind;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.JsonPointer;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Avro's own resolution rules ({@link SchemaCompatibility#checkReaderWriterCompatibility}) decide;
 * this class only reports every incompatibility Avro finds, in Avro's order, with its kind,
 * Avro's location (already a JSON pointer) and Avro's message as the detail. A pair whose check
 * would compare more pairs of types than the limit ({@link CheckCost}) is not given to Avro: it is
 * reported as an aborted check naming the setting that raises the limit.
 */
final class AvroCompatibility {
  private AvroCompatibility() {}

  static CompatibilityResult check(Schema reader, Schema writer, Roles roles, int maxComparisons) {
    List<SchemaCompatibility.Incompatibility> found;
    try {
      if (!CheckCost.within(reader, writer, maxComparisons)) {
        return CompatibilityResult.of(new Incompatibility(CommonKind.COMPATIBILITY_CHECK_ABORTED,
            JsonPointer.ROOT, roles, "the schemas would need more than " + maxComparisons
                + " comparisons of types (a union is compared branch by branch with the other"
                + " side); the setting " + SchemaFormat.MAX_COMPARISONS_SETTING + " raises it"));
      }
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
