package dev.stele.registry;

import dev.stele.registry.Results.Compatibility;
import dev.stele.registry.Results.VersionConflict;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a compatibility level to a new schema and a subject's history: the level gives the
 * direction (new reads old, old reads new, or both) and the history (latest or all live
 * versions, newest first; a transitive check stops at the first version that fails, as the
 * Confluent registry's does).
 */
final class CompatibilityCheck {
  static final String DIFFERENT_TYPE = "Incompatible because of different schema type";

  private final SchemaParser parser;

  CompatibilityCheck(SchemaParser parser) {
    this.parser = parser;
  }

  /**
   * @param previous the versions to check against, oldest first (all the level needs; the
   *     caller picks latest-only or all)
   */
  Compatibility check(ParsedSchema candidate, List<VersionEntry> previous, CompatibilityLevel level,
      boolean validateFields, RegistryState state) {
    List<VersionConflict> conflicts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (level != CompatibilityLevel.NONE) {
      for (int i = previous.size() - 1; i >= 0; i--) {
        VersionEntry old = previous.get(i);
        if (!old.schema().schemaType().equals(candidate.type())) {
          problems.add(DIFFERENT_TYPE);
          break;
        }
        List<Incompatibility> found = compare(candidate, parser.parseStored(old.schema(), state), level);
        if (!found.isEmpty()) {
          conflicts.add(new VersionConflict(old.version(), old.schema().schema(), found));
          break;
        }
      }
    }
    return new Compatibility(conflicts, problems, level, validateFields);
  }

  /** The versions a level checks against: the latest live one, or every live one. */
  static List<VersionEntry> against(List<VersionEntry> live, CompatibilityLevel level) {
    if (level.transitive() || live.size() <= 1) {
      return live;
    }
    return List.of(live.get(live.size() - 1));
  }

  private List<Incompatibility> compare(ParsedSchema candidate, ParsedSchema old, CompatibilityLevel level) {
    SchemaFormat format = parser.format(candidate.type());
    CompatibilityResult result = CompatibilityResult.COMPATIBLE;
    if (level.newReadsOld()) {
      result = result.merge(format.checkCanRead(candidate, old, Roles.NEW_READS_OLD));
    }
    if (level.oldReadsNew()) {
      result = result.merge(format.checkCanRead(old, candidate, Roles.OLD_READS_NEW));
    }
    return result.incompatibilities();
  }
}
