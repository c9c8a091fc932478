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
 * Avro's location (already a JSON pointer) and Avro's message as the detail. A check that Avro
 * would make with many pairs (wide unions) goes to {@link ResolutionCheck}, which answers the
 * same without comparing every branch with every other. A pair whose check would still compare
 * more pairs of types than the limit ({@link CheckCost#withinMatched}) is not checked: it is
 * reported as an aborted check naming the setting that raises the limit.
 */
final class AvroCompatibility {
  /**
   * Checks Avro compares this few pairs on are left to Avro itself (under 1 MB remembered); past
   * it, mostly wide unions, {@link ResolutionCheck} gives the same answer without the product.
   */
  static final long AVRO_ALONE = 4_096;

  private AvroCompatibility() {}

  static CompatibilityResult check(Schema reader, Schema writer, Roles roles, int maxComparisons) {
    List<ResolutionCheck.Found> found;
    try {
      if (!CheckCost.withinMatched(reader, writer, maxComparisons)) {
        return CompatibilityResult.of(new Incompatibility(CommonKind.COMPATIBILITY_CHECK_ABORTED,
            JsonPointer.ROOT, roles, "the schemas would need more than " + maxComparisons
                + " comparisons of types (a union branch is compared with the other side's"
                + " branches of its type and name, a record holding unions or named types with"
                + " every record); the setting " + SchemaFormat.MAX_COMPARISONS_SETTING + " raises it"));
      }
      found = CheckCost.within(reader, writer, Math.min(AVRO_ALONE, maxComparisons))
          ? avro(reader, writer)
          : ResolutionCheck.check(reader, writer);
    } catch (RuntimeException | StackOverflowError e) {
      return CompatibilityResult.unexpected(roles, e);
    }
    List<Incompatibility> out = new ArrayList<>(found.size());
    for (ResolutionCheck.Found each : found) {
      out.add(new Incompatibility(AvroIncompatibilityKind.of(each.type()), each.location(),
          roles, String.valueOf(each.message())));
    }
    return new CompatibilityResult(out);
  }

  /** What Avro's own checker reports, in the shape {@link ResolutionCheck} reports it. */
  static List<ResolutionCheck.Found> avro(Schema reader, Schema writer) {
    List<SchemaCompatibility.Incompatibility> found =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
            .getResult()
            .getIncompatibilities();
    List<ResolutionCheck.Found> out = new ArrayList<>(found.size());
    for (SchemaCompatibility.Incompatibility each : found) {
      out.add(new ResolutionCheck.Found(each.getType(), each.getLocation(), each.getMessage()));
    }
    return out;
  }
}
