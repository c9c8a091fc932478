package dev.stele.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {
  private static RuleSet.Rule rule(String name, String type) {
    return new RuleSet.Rule(name, type, new RawJson("{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}"));
  }

  @Test
  void mergeReplacesRulesByNameListByList() {
    RuleSet base = new RuleSet(List.of(rule("m", "JSONATA")), List.of(rule("a", "CEL"), rule("b", "CEL")), null);
    RuleSet over = new RuleSet(null, List.of(rule("b", "CEL_FIELD"), rule("c", "CEL")), null);
    RuleSet merged = RuleSet.merge(base, over);
    assertThat(merged.migrationRules()).extracting(RuleSet.Rule::name).containsExactly("m");
    assertThat(merged.domainRules()).extracting(RuleSet.Rule::name, RuleSet.Rule::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "CEL"),
            org.assertj.core.groups.Tuple.tuple("b", "CEL_FIELD"), org.assertj.core.groups.Tuple.tuple("c", "CEL"));
    assertThat(merged.encodingRules()).isEmpty();
  }

  @Test
  void mergeWithAbsentSidesKeepsThePresentOne() {
    RuleSet one = new RuleSet(null, List.of(rule("a", "CEL")), null);
    assertThat(RuleSet.merge(null, one)).isSameAs(one);
    assertThat(RuleSet.merge(one, null)).isSameAs(one);
    assertThat(RuleSet.merge(null, null)).isNull();
  }

  @Test
  void findsRulesByTypeInEveryList() {
    RuleSet rules = new RuleSet(List.of(rule("m", "JSONATA")), null, List.of(rule("e", "ENCRYPT")));
    assertThat(rules.hasRuleOfType("JSONATA")).isTrue();
    assertThat(rules.hasRuleOfType("ENCRYPT")).isTrue();
    assertThat(rules.hasRuleOfType("CEL")).isFalse();
  }
}
