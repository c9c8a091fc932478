package dev.stele.serde.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.rules.DlqAction;
import dev.stele.serde.rules.RuleConditionException;
import dev.stele.serde.rules.RuleFailedException;
import dev.stele.serde.rules.testing.MapModel;
import dev.stele.serde.rules.testing.TestRules;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's semantics, as Confluent's serdes run rules, with small real executors and actions. */
class RuleEngineTest {
  static final MapModel MODEL = new MapModel(Map.of("ssn", Set.of("PII")));
  static final Map<String, Object> HAS_EXECUTOR = Map.of("rule.executors", "has",
      "rule.executors.has.class", TestRules.Has.class.getName());

  @BeforeEach
  void clear() {
    TestRules.Record.SEEN.clear();
  }

  static RuleEngine engine(Map<String, ?> configs) {
    return RuleEngine.configure(configs, null, false);
  }

  static Map<String, ?> with(Map<String, ?> base, Object... pairs) {
    Map<String, Object> configs = new HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      configs.put((String) pairs[i], pairs[i + 1]);
    }
    return configs;
  }

  static SchemaDefinition schema(Rule... rules) {
    return SchemaDefinition.avro("\"string\"").withContract(null, RuleSet.domain(List.of(rules)));
  }

  static Map<String, Object> message(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static Object write(RuleEngine engine, SchemaDefinition schema, Object message) {
    return engine.domain(RuleMode.WRITE, "s-value", "s", new RecordHeaders(), schema, MODEL, message);
  }

  static Rule has(String name, String key) {
    return Rule.of(name, RuleKind.CONDITION, RuleMode.WRITE, "HAS", key);
  }

  @Test
  void aFailedConditionIsConfluentsRuleFailedErrorCarryingTheRule() {
    RuleEngine engine = engine(HAS_EXECUTOR);
    assertThat(write(engine, schema(has("needsName", "name")), message("name", "Ann"))).isNotNull();
    assertThatThrownBy(() -> write(engine, schema(has("needsName", "name")), message("age", 3L)))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: needsName")
        .satisfies(e -> assertThat(((RuleFailedException) e).rule().name()).isEqualTo("needsName"))
        .cause().isInstanceOf(RuleConditionException.class).hasMessage("Expr failed: 'name'");
  }

  @Test
  void anUnknownExecutorTypeFailsTheRuleThroughOnFailureNeverSkipsIt() {
    RuleEngine engine = engine(Map.of());
    Rule unknown = Rule.of("mystery", RuleKind.CONDITION, RuleMode.WRITE, "NOPE", "x");
    assertThatThrownBy(() -> write(engine, schema(unknown), message("x", "y")))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: mystery")
        .cause().hasMessage("Could not find rule executor of type NOPE");
    assertThat(write(engine, schema(unknown.withActions(null, "NONE")), message("x", "y"))).isNotNull();
  }

  @Test
  void disabledRulesAndRulesOfAnotherModeDoNotRun() {
    RuleEngine engine = engine(HAS_EXECUTOR);
    Map<String, Object> empty = message();
    assertThat(write(engine, schema(has("off", "name").withDisabled(true)), empty)).isSameAs(empty);
    Rule onRead = Rule.of("onRead", RuleKind.CONDITION, RuleMode.READ, "HAS", "name");
    assertThat(write(engine, schema(onRead), empty)).isSameAs(empty);
    Rule both = Rule.of("both", RuleKind.CONDITION, RuleMode.WRITEREAD, "HAS", "name");
    assertThatThrownBy(() -> write(engine, schema(both), empty)).hasMessage("Rule failed: both");
    assertThatThrownBy(() -> engine.domain(RuleMode.READ, "s-value", "s", null, schema(both), MODEL, empty))
        .hasMessage("Rule failed: both");
    Rule migration = Rule.of("updown", RuleKind.CONDITION, RuleMode.UPDOWN, "HAS", "name");
    assertThat(write(engine, schema(migration), empty)).isSameAs(empty);
  }

  @Test
  void ruleExecutorsKeysOverrideActionsAndDisabledByRuleNameTypeOrDefault() {
    Rule rule = has("needsName", "name");
    assertThat(write(engine(with(HAS_EXECUTOR, "rule.executors.needsName.onFailure", "NONE")), schema(rule),
        message())).isNotNull();
    assertThat(write(engine(with(HAS_EXECUTOR, "rule.executors._HAS_.disabled", "true")), schema(rule),
        message())).isNotNull();
    assertThat(write(engine(with(HAS_EXECUTOR, "rule.executors._default_.onFailure", "NONE")), schema(rule),
        message())).isNotNull();
    assertThatThrownBy(() -> write(engine(with(HAS_EXECUTOR, "rule.executors.other.onFailure", "NONE")),
        schema(rule), message())).hasMessage("Rule failed: needsName");
  }

  @Test
  void ruleExecutorsParamsReachTheNamedExecutorInLayers() {
    RuleEngine engine = engine(with(HAS_EXECUTOR, "rule.executors._default_.param.a", "default",
        "rule.executors._HAS_.param.a", "typed", "rule.executors._HAS_.param.b", "typed",
        "rule.executors.has.param.b", "named", "schema.registry.url", "http://x"));
    TestRules.Has has = (TestRules.Has) engine.executor("HAS", "has");
    assertThat(has.params).containsEntry("a", "typed").containsEntry("b", "named")
        .containsEntry("schema.registry.url", "http://x").doesNotContainKey("rule.executors");
  }

  @Test
  void aFieldTransformRewritesTheTaggedFieldsAndRuleServiceLoaderEnableFalseUnloadsItsExecutors() {
    Rule upper = Rule.of("upper", RuleKind.TRANSFORM, RuleMode.WRITE, "UPPER", null).withTags(Set.of("PII"));
    Object written = write(engine(Map.of("rule.executors._UPPER_.param.suffix", "!")), schema(upper),
        message("name", "ann", "ssn", "abc"));
    assertThat(written).isEqualTo(message("name", "ann", "ssn", "ABC!"));
    assertThatThrownBy(() -> write(engine(Map.of("rule.service.loader.enable", "false")), schema(upper),
        message("ssn", "abc"))).cause().hasMessage("Could not find rule executor of type UPPER");
  }

  @Test
  void ofTwoTransformsWithTheSameTagsOnlyTheFirstRunsOnWrite() {
    Rule first = Rule.of("first", RuleKind.TRANSFORM, RuleMode.WRITE, "UPPER", null).withTags(Set.of("PII"));
    Rule second = Rule.of("second", RuleKind.TRANSFORM, RuleMode.WRITE, "UPPER", null).withTags(Set.of("PII"));
    Object written = write(engine(Map.of("rule.executors._UPPER_.param.suffix", "!")), schema(first, second),
        message("ssn", "abc"));
    assertThat(written).isEqualTo(message("ssn", "ABC!"));
  }

  @Test
  void ruleActionsConfigureNamedActionsAndTwoActionsSplitByWriteAndRead() {
    Map<String, ?> configs = with(HAS_EXECUTOR, "rule.actions", "rec", "rule.actions.rec.class",
        TestRules.Record.class.getName(), "rule.actions.rec.param.label", "L:");
    RuleEngine engine = engine(configs);
    Rule both = Rule.of("both", RuleKind.CONDITION, RuleMode.WRITEREAD, "HAS", "name").withActions("RECORD,NONE",
        "NONE,RECORD");
    write(engine, schema(both), message("name", "x"));
    write(engine, schema(both), message());
    engine.domain(RuleMode.READ, "s-value", "s", null, schema(both), MODEL, message("name", "x"));
    engine.domain(RuleMode.READ, "s-value", "s", null, schema(both), MODEL, message());
    assertThat(TestRules.Record.SEEN).containsExactly("L:both:WRITE:ok", "L:both:READ:Expr failed: 'name'");
  }

  @Test
  void anExecutorsExceptionIsTheRulesFailure() {
    RuleEngine engine = engine(HAS_EXECUTOR);
    assertThatThrownBy(() -> write(engine, schema(has("judge", "v")), message("v", "boom")))
        .isInstanceOf(RuleFailedException.class).cause().hasMessage("cannot judge 'boom'");
  }

  @Test
  void anActionNoOneProvidesFailsAtRunTimeAsConfluentsAndAtConfigureWhenConfigured() {
    RuleEngine engine = engine(HAS_EXECUTOR);
    assertThatThrownBy(() -> write(engine, schema(has("r", "name").withActions(null, "PAGER")), message()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("Could not find rule action of type PAGER");
    assertThatThrownBy(() -> engine(with(HAS_EXECUTOR, "rule.executors.r.onFailure", "PAGER")))
        .hasMessageContaining("no rule action of type 'PAGER'");
  }

  @Test
  void badRuleKeysAreRefusedAtConfigure() {
    assertThatThrownBy(() -> engine(Map.of("rule.executors", "ghost")))
        .hasMessageContaining("rule.executors names 'ghost' but rule.executors.ghost.class is not set");
    assertThatThrownBy(() -> engine(Map.of("rule.executors", "x", "rule.executors.x.class", "no.such.Class")))
        .hasMessageContaining("no class no.such.Class");
    assertThatThrownBy(() -> engine(Map.of("rule.actions", "x", "rule.actions.x.class", TestRules.Has.class.getName())))
        .hasMessageContaining("does not implement dev.stele.serde.rules.RuleAction");
    assertThatThrownBy(() -> engine(Map.of("rule.executors.r.onFailur", "NONE")))
        .hasMessageContaining("rule.executors.r.onFailur is not a key");
    assertThatThrownBy(() -> engine(Map.of("rule.actions.dlq.topic", "x")))
        .hasMessageContaining("rule.actions.dlq.topic is not a key");
    assertThatThrownBy(() -> engine(Map.of("rule.executors.r.disabled", "maybe")))
        .hasMessageContaining("must be true or false");
    assertThatThrownBy(() -> engine(Map.of("rule.service.loader.enable", "perhaps")))
        .hasMessageContaining("rule.service.loader.enable must be true or false");
  }

  @Test
  void aRecordReadBackFromTheDlqSkipsTheRuleThatSentIt() {
    RuleEngine engine = engine(HAS_EXECUTOR);
    RecordHeaders headers = new RecordHeaders();
    headers.add(DlqAction.RULE_NAME, "needsName".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> empty = message();
    assertThat(engine.domain(RuleMode.READ, "s-value", "s", headers,
        schema(Rule.of("needsName", RuleKind.CONDITION, RuleMode.READ, "HAS", "name")), MODEL, empty)).isSameAs(empty);
  }

  @Test
  void theDlqActionWithoutATopicFailsTheRecordSayingSo() {
    RuleEngine engine = engine(HAS_EXECUTOR);
    assertThatThrownBy(() -> write(engine, schema(has("r", "name").withActions(null, "DLQ")), message()))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: r")
        .cause().hasMessageContaining("no dlq.topic");
  }
}
