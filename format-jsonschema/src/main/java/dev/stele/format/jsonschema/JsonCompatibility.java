package dev.stele.format.jsonschema;

import dev.stele.schema.CommonKind;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.JsonPointer;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the diff from the writer's schema to the reader's and reports every difference the policy
 * does not allow, with its kind (whose template words it as the Confluent registry does) at its
 * JSON pointer.
 */
final class JsonCompatibility {
  /** Kind reported when the comparison had to stop (too complex, too deep, interrupted). */
  static final CommonKind ABORTED = CommonKind.COMPATIBILITY_CHECK_ABORTED;

  private JsonCompatibility() {}

  static CompatibilityResult check(SchemaNode reader, SchemaNode writer, Roles roles,
      CompatibleChanges policy, int budget) {
    List<Difference> differences;
    try {
      differences = SchemaDiff.compare(writer, reader, policy, budget);
    } catch (DiffContext.Aborted e) {
      return aborted(roles, e.getMessage());
    } catch (StackOverflowError e) {
      return aborted(roles, "the schemas nest too deeply to compare");
    }
    List<Incompatibility> out = new ArrayList<>();
    for (Difference difference : differences) {
      if (!policy.allows(difference.kind())) {
        out.add(new Incompatibility(difference.kind(), difference.pointer(), roles));
      }
    }
    return new CompatibilityResult(out);
  }

  private static CompatibilityResult aborted(Roles roles, String reason) {
    return CompatibilityResult.of(new Incompatibility(ABORTED, JsonPointer.ROOT, roles, reason));
  }
}
