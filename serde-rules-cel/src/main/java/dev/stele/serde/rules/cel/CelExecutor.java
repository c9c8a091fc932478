package dev.stele.serde.rules.cel;

import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.serde.rules.MessageModel;
import dev.stele.serde.rules.PreparedRule;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.RuleExecutor;
import dev.stele.serde.rules.cel.internal.CelPrograms;
import dev.stele.serde.rules.cel.internal.CelRun;
import dev.stele.serde.rules.cel.internal.CelValues;
import java.util.List;
import java.util.Map;

/**
 * {@code CEL}: a Common Expression Language expression over the whole message, bound to
 * {@code message}. A CONDITION must answer a bool ({@code message.class > 0}); an expression
 * may start with a guard ({@code "message.kind == 'student'; message.class > 0"}), and when the
 * guard is false the rule passes. A TRANSFORM may answer a new value for a message that is
 * itself a primitive; answering a whole new record is not supported (use CEL_FIELD), and is the
 * rule's failure.
 */
public final class CelExecutor implements RuleExecutor {
  public static final String TYPE = "CEL";
  private final CelPrograms programs = CelPrograms.forMessages();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Object transform(RuleContext ctx, Object message) throws RuleException {
    return run(CelRun.of(programs, ctx), ctx.rule(), ctx.model(), message);
  }

  /**
   * The rule's text split and compiled once, so a record goes straight to its programs; null
   * when it has no expression, for each record to fail as the rule's failure.
   */
  @Override
  public PreparedRule prepare(RuleContext ctx) {
    CelRun run;
    try {
      run = CelRun.of(programs, ctx);
    } catch (RuleException e) {
      return null;
    }
    Rule rule = ctx.rule();
    return (model, message) -> run(run, rule, model, message);
  }

  private Object run(CelRun run, Rule rule, MessageModel model, Object message) throws RuleException {
    Object bound = CelValues.toCel(model.toPlain(message));
    Object answer = run.eval(programs, rule, name -> "message".equals(name) ? bound : null);
    if (answer == CelRun.SKIPPED) {
      return rule.kind() == RuleKind.CONDITION ? Boolean.TRUE : message;
    }
    if (rule.kind() == RuleKind.CONDITION) {
      return answer;
    }
    Object plain = CelValues.fromCel(answer);
    if (plain instanceof Map<?, ?> || plain instanceof List<?>) {
      throw new RuleException(rule, "rule '" + rule.name() + "': a CEL TRANSFORM that builds a whole"
          + " new message is not supported by Stele yet; rewrite fields with CEL_FIELD");
    }
    return plain;
  }
}
