package dev.stele.format.jsonschema;

import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the diff from the writer's schema to the reader's and reports every difference the policy
 * does not allow, worded as the Confluent registry words it, with "new"/"old" in the places the
 * check's direction puts them.
 */
final class JsonCompatibility {
  /** Kind reported when the comparison had to stop (too complex, too deep, interrupted). */
  static final String ABORTED = "COMPATIBILITY_CHECK_ABORTED";

  private JsonCompatibility() {}

  static CompatibilityResult check(SchemaNode reader, SchemaNode writer, Roles roles,
      CompatibilityPolicy policy, int budget) {
    String readerRole = roles == Roles.NEW_READS_OLD ? "new" : "old";
    String writerRole = roles == Roles.NEW_READS_OLD ? "old" : "new";
    List<Difference> differences;
    try {
      differences = SchemaDiff.compare(writer, reader, policy, budget);
    } catch (DiffContext.Aborted e) {
      return aborted(e.getMessage());
    } catch (StackOverflowError e) {
      return aborted("the schemas nest too deeply to compare");
    }
    List<Incompatibility> out = new ArrayList<>();
    for (Difference difference : differences) {
      if (!policy.allows(difference.kind())) {
        out.add(new Incompatibility(difference.kind().name(), difference.pointer(),
            difference.kind().message(difference.confluentPath(), readerRole, writerRole)));
      }
    }
    return new CompatibilityResult(out);
  }

  private static CompatibilityResult aborted(String reason) {
    return CompatibilityResult.of(new Incompatibility(ABORTED, "/",
        "Compatibility check aborted: " + reason));
  }
}
