package dev.stele.registry.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A schema version's rule set (../shared/API.md §1.4, §2.9). The registry merges rule sets by
 * rule name and filters by rule type; it never runs a rule, so each rule keeps the JSON the
 * client sent, verbatim.
 */
public record RuleSet(List<Rule> migrationRules, List<Rule> domainRules, List<Rule> encodingRules) {
  public RuleSet {
    migrationRules = migrationRules == null ? List.of() : List.copyOf(migrationRules);
    domainRules = domainRules == null ? List.of() : List.copyOf(domainRules);
    encodingRules = encodingRules == null ? List.of() : List.copyOf(encodingRules);
  }

  /**
   * One rule.
   *
   * @param name the rule's name, which merging matches on (may be null in a malformed rule)
   * @param type the rule's type, e.g. {@code CEL} (may be null)
   * @param json the whole rule as compact JSON
   */
  public record Rule(String name, String type, RawJson json) {
    public Rule {
      Objects.requireNonNull(json, "json");
    }
  }

  /**
   * {@code over} laid on {@code base}, list by list: the base's rules whose names {@code over}
   * does not use, then {@code over}'s rules. Either may be null (absent); both null gives null.
   */
  public static RuleSet merge(RuleSet base, RuleSet over) {
    if (base == null || over == null) {
      return base == null ? over : base;
    }
    return new RuleSet(merge(base.migrationRules, over.migrationRules),
        merge(base.domainRules, over.domainRules), merge(base.encodingRules, over.encodingRules));
  }

  /** This rule set without the rules of these names, of any kind. */
  public RuleSet without(Collection<String> names) {
    return new RuleSet(without(migrationRules, names), without(domainRules, names),
        without(encodingRules, names));
  }

  private static List<Rule> without(List<Rule> rules, Collection<String> names) {
    return rules.stream().filter(rule -> !names.contains(rule.name())).toList();
  }

  /** Whether any rule, of any kind, has this type. */
  public boolean hasRuleOfType(String type) {
    for (List<Rule> rules : List.of(migrationRules, domainRules, encodingRules)) {
      for (Rule rule : rules) {
        if (type.equals(rule.type())) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Rule> merge(List<Rule> base, List<Rule> over) {
    Set<String> replaced = new HashSet<>();
    over.forEach(rule -> replaced.add(rule.name()));
    List<Rule> merged = new ArrayList<>(base.size() + over.size());
    for (Rule rule : base) {
      if (!replaced.contains(rule.name())) {
        merged.add(rule);
      }
    }
    merged.addAll(over);
    return merged;
  }
}
