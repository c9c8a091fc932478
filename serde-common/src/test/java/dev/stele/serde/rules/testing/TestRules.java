package dev.stele.serde.rules.testing;

import dev.stele.serde.rules.FieldRuleExecutor;
import dev.stele.serde.rules.FieldTransform;
import dev.stele.serde.rules.RuleAction;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.RuleExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small real executors and actions for engine tests; what they saw is kept for the test to read. */
public final class TestRules {
  private TestRules() {}

  /**
   * {@code HAS}: a condition on a map message, true when the key named by the rule's expr is
   * present and not the empty string. Its params are kept in {@link #params}.
   */
  public static final class Has implements RuleExecutor {
    public final Map<String, Object> params = new HashMap<>();

    @Override
    public String type() {
      return "HAS";
    }

    @Override
    public void configure(Map<String, ?> configs) {
      params.putAll(configs);
    }

    @Override
    public Object transform(RuleContext ctx, Object message) throws RuleException {
      Object value = ((Map<?, ?>) message).get(ctx.rule().expr());
      if ("boom".equals(value)) {
        throw new RuleException(ctx.rule(), "cannot judge 'boom'");
      }
      return value != null && !"".equals(value);
    }
  }

  /** {@code UPPER}: a field transform that upper-cases strings (with the suffix param, if any). */
  public static final class Upper extends FieldRuleExecutor {
    private String suffix = "";

    @Override
    public String type() {
      return "UPPER";
    }

    @Override
    public void configure(Map<String, ?> configs) {
      super.configure(configs);
      Object configured = configs.get("suffix");
      suffix = configured == null ? "" : configured.toString();
    }

    @Override
    protected FieldTransform newTransform(RuleContext rule) {
      return (ctx, field, value) -> value instanceof String text ? text.toUpperCase() + suffix : value;
    }
  }

  /** {@code RECORD}: an action that keeps what it was run with; param {@code label} tags each entry. */
  public static final class Record implements RuleAction {
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private String label = "";

    @Override
    public String type() {
      return "RECORD";
    }

    @Override
    public void configure(Map<String, ?> configs) {
      Object configured = configs.get("label");
      label = configured == null ? "" : configured.toString();
    }

    @Override
    public void run(RuleContext ctx, Object message, RuleException failure) {
      SEEN.add(label + ctx.rule().name() + ":" + ctx.mode() + ":" + (failure == null ? "ok" : failure.getMessage()));
    }
  }
}
