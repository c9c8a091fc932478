package dev.stele.serde.rules.cel.internal;

import dev.stele.client.RuleKind;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.cel.runtime.CelEvaluationException;

/** One rule's expression evaluated with its guard, and its answer checked against the rule's kind. */
public final class CelRun {
  /** What {@link #eval} answers when the guard said not to run the body. */
  public static final Object SKIPPED = new Object();

  private CelRun() {}

  public static Object eval(CelPrograms programs, RuleContext ctx, Variables variables)
      throws RuleException {
    String expression = ctx.rule().expr();
    if (expression == null || expression.isBlank()) {
      throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "' of type " + ctx.rule().type()
          + " has no expr");
    }
    Guarded guarded = programs.guarded(expression,
        Boolean.parseBoolean(ctx.parameter(Guarded.IGNORE_GUARD_SEPARATOR)));
    if (guarded.guard() != null) {
      Object pass;
      try {
        pass = programs.eval(guarded.guard(), variables);
      } catch (CelEvaluationException | RuntimeException e) {
        pass = Boolean.FALSE;
      }
      if (!Boolean.TRUE.equals(pass)) {
        return SKIPPED;
      }
    }
    Object answer;
    try {
      answer = programs.eval(guarded.body(), variables);
    } catch (CelEvaluationException e) {
      throw new RuleException(ctx.rule(), "Could not execute CEL script '" + guarded.body().trim() + "': "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new RuleException(ctx.rule(), e.getMessage(), e);
    }
    if (ctx.rule().kind() == RuleKind.CONDITION && !(answer instanceof Boolean)) {
      throw new RuleException(ctx.rule(), "the CEL condition '" + guarded.body().trim() + "' gave "
          + answer + ", not a bool");
    }
    return answer;
  }
}
