package dev.stele.serde.rules.internal;

import dev.stele.client.RegisteredSchema;
import dev.stele.client.Rule;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.internal.RegistryAccess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The steps between the version a record was written with and the version a deserializer reads
 * it as, as Confluent plans them: each version on the way that has migration rules for the
 * direction is one step (UPGRADE: from the version before it; DOWNGRADE: back to it, newest first).
 */
public final class Migrations {
  /** One step: {@code UPGRADE} runs {@code target}'s migration rules, {@code DOWNGRADE} {@code source}'s, reversed. */
  public record Step(RuleMode mode, SchemaDefinition source, SchemaDefinition target) {}

  private Migrations() {}

  public static List<Step> plan(RegistryAccess registry, String topic, String subject, RegisteredSchema writer,
      RegisteredSchema reader) {
    if (writer.version() == reader.version()) {
      return List.of();
    }
    RuleMode mode = writer.version() < reader.version() ? RuleMode.UPGRADE : RuleMode.DOWNGRADE;
    RegisteredSchema first = mode == RuleMode.UPGRADE ? writer : reader;
    RegisteredSchema last = mode == RuleMode.UPGRADE ? reader : writer;
    List<SchemaDefinition> versions = new ArrayList<>();
    versions.add(first.schema());
    for (int v = first.version() + 1; v < last.version(); v++) {
      versions.add(registry.version(topic, subject, v).schema());
    }
    versions.add(last.schema());
    List<Step> steps = new ArrayList<>();
    for (int i = 1; i < versions.size(); i++) {
      SchemaDefinition previous = versions.get(i - 1);
      SchemaDefinition current = versions.get(i);
      if (hasMigrationRules(current, mode)) {
        steps.add(mode == RuleMode.UPGRADE ? new Step(mode, previous, current) : new Step(mode, current, previous));
      }
    }
    if (mode == RuleMode.DOWNGRADE) {
      Collections.reverse(steps);
    }
    return steps;
  }

  private static boolean hasMigrationRules(SchemaDefinition schema, RuleMode mode) {
    if (schema.ruleSet() == null) {
      return false;
    }
    for (Rule rule : schema.ruleSet().migrationRules()) {
      if (rule.mode().runsIn(mode)) {
        return true;
      }
    }
    return false;
  }
}
