package dev.stele.serde.rules.internal;

import static dev.stele.serde.rules.internal.RuleEngineTest.MODEL;
import static dev.stele.serde.rules.internal.RuleEngineTest.message;
import static dev.stele.serde.rules.internal.RuleEngineTest.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.rules.PreparedRule;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.RuleExecutor;
import dev.stele.serde.rules.RuleFailedException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's rule plans (decision 0029): made once per schema, phase and mode, with Confluent's semantics kept. */
class RulePlanTest {
  static final List<String> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    SEEN.clear();
  }

  /**
   * {@code PREP}: a condition true when the map message has the key named by the rule's expr; it
   * prepares itself unless the expr is {@code unpreparable}, and records every call in {@link #SEEN}
   * ({@code prepare}, {@code prepared}, {@code transform}, with the name it was configured under).
   */
  public static final class Prep implements RuleExecutor {
    private String name = "?";

    @Override
    public String type() {
      return "PREP";
    }

    @Override
    public void configure(Map<String, ?> configs) {
      Object configured = configs.get("name");
      name = configured == null ? "?" : configured.toString();
    }

    @Override
    public Object transform(RuleContext ctx, Object message) throws RuleException {
      SEEN.add("transform " + name + " " + ctx.rule().name() + " " + ctx.index() + " " + ctx.topic());
      return ((Map<?, ?>) message).containsKey(ctx.rule().expr());
    }

    @Override
    public PreparedRule prepare(RuleContext ctx) {
      SEEN.add("prepare " + name + " " + ctx.rule().name() + " " + ctx.mode() + " " + ctx.topic());
      if ("unpreparable".equals(ctx.rule().expr())) {
        throw new IllegalStateException("cannot prepare");
      }
      String key = ctx.rule().expr();
      String rule = ctx.rule().name();
      return (model, message) -> {
        SEEN.add("prepared " + name + " " + rule);
        return ((Map<?, ?>) message).containsKey(key);
      };
    }
  }

  static final Map<String, Object> PREP = Map.of("rule.executors", "p", "rule.executors.p.class",
      Prep.class.getName(), "rule.executors.p.param.name", "p");

  static Rule prep(String name, RuleMode mode, String key) {
    return Rule.of(name, RuleKind.CONDITION, mode, "PREP", key);
  }

  static Object run(RuleEngine engine, RuleMode mode, String subject, SchemaDefinition schema, Object message) {
    return engine.domain(mode, subject, "t", null, schema, MODEL, message);
  }

  @Test
  void aPlanIsMadeOncePerSchemaAndModeAndItsRecordsSkipTheContext() {
    RuleEngine engine = RuleEngine.configure(PREP, null, false);
    SchemaDefinition schema = schema(prep("named", RuleMode.WRITEREAD, "name"));
    for (int i = 0; i < 3; i++) {
      assertThat(run(engine, RuleMode.WRITE, "s-value", schema, message("name", "x"))).isNotNull();
    }
    run(engine, RuleMode.READ, "s-value", schema, message("name", "x"));
    // An equal definition that is another object gets its own plan: the cache compares identity.
    run(engine, RuleMode.WRITE, "s-value", schema(prep("named", RuleMode.WRITEREAD, "name")), message("name", "x"));
    assertThat(SEEN).containsExactly("prepare p named WRITE null", "prepared p named", "prepared p named",
        "prepared p named", "prepare p named READ null", "prepared p named", "prepare p named WRITE null",
        "prepared p named");
    assertThatThrownBy(() -> run(engine, RuleMode.WRITE, "s-value", schema, message()))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: named");
  }

  @Test
  void aRuleThatCannotBePreparedRunsEachRecordThroughTransform() {
    RuleEngine engine = RuleEngine.configure(PREP, null, false);
    SchemaDefinition schema = schema(prep("odd", RuleMode.WRITE, "unpreparable"));
    assertThatThrownBy(() -> run(engine, RuleMode.WRITE, "s-value", schema, message()))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: odd");
    assertThat(run(engine, RuleMode.WRITE, "s-value", schema, message("unpreparable", 1))).isNotNull();
    assertThat(SEEN).containsExactly("prepare p odd WRITE null", "transform p odd 0 t", "transform p odd 0 t");
  }

  @Test
  void onReadTheRulesRunLastFirstWithTheirPlacesInThatOrder() {
    RuleEngine engine = RuleEngine.configure(PREP, null, false);
    SchemaDefinition schema = schema(prep("first", RuleMode.WRITEREAD, "unpreparable"),
        prep("writeOnly", RuleMode.WRITE, "unpreparable"), prep("last", RuleMode.WRITEREAD, "unpreparable"));
    run(engine, RuleMode.READ, "s-value", schema, message("unpreparable", 1));
    run(engine, RuleMode.WRITE, "s-value", schema, message("unpreparable", 1));
    assertThat(SEEN).filteredOn(line -> line.startsWith("transform")).containsExactly(
        "transform p last 0 t", "transform p first 2 t",
        "transform p first 0 t", "transform p writeOnly 1 t", "transform p last 2 t");
  }

  @Test
  void aTypeUnderSeveralNamesIsChosenPerSubjectForTheSameSchema() {
    RuleEngine engine = RuleEngine.configure(Map.of("rule.executors", "a-value:r,b-value:r",
        "rule.executors.a-value:r.class", Prep.class.getName(), "rule.executors.a-value:r.param.name", "A",
        "rule.executors.b-value:r.class", Prep.class.getName(), "rule.executors.b-value:r.param.name", "B"),
        null, false);
    SchemaDefinition schema = schema(prep("r", RuleMode.WRITE, "k"));
    run(engine, RuleMode.WRITE, "a-value", schema, message("k", 1));
    run(engine, RuleMode.WRITE, "b-value", schema, message("k", 1));
    run(engine, RuleMode.WRITE, "a-value", schema, message("k", 1));
    assertThat(SEEN).filteredOn(line -> line.startsWith("prepared"))
        .containsExactly("prepared A r", "prepared B r", "prepared A r");
  }

  @Test
  void anActionNoOneProvidesStillFailsOnlyWhenItMustRun() {
    RuleEngine engine = RuleEngine.configure(PREP, null, false);
    SchemaDefinition schema = schema(prep("r", RuleMode.WRITE, "k").withActions("PAGER", null));
    assertThatThrownBy(() -> run(engine, RuleMode.WRITE, "s-value", schema, message("k", 1)))
        .hasMessageContaining("Could not find rule action of type PAGER");
    SchemaDefinition onFailureOnly = schema(prep("r", RuleMode.WRITE, "k").withActions(null, "PAGER"));
    Map<String, Object> passing = message("k", 1);
    assertThat(run(engine, RuleMode.WRITE, "s-value", onFailureOnly, passing)).isSameAs(passing);
  }
}
