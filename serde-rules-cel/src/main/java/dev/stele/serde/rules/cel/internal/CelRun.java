package dev.stele.serde.rules.cel.internal;

import dev.cel.runtime.CelEvaluationException;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;

/**
 * One rule text split at its guard and compiled: evaluated with its guard, and its answer checked
 * against the rule's kind. Made once per text ({@link CelPrograms#run}) and held by a prepared rule,
 * so a record pays no look-up by text. A part that does not compile is compiled again when
 * evaluated, for its error: a guard's counts as false, a body's is the rule's failure.
 */
public final class CelRun {
  /** What {@link #eval} answers when the guard said not to run the body. */
  public static final Object SKIPPED = new Object();

  private final Guarded text;
  private final CelPrograms.Compiled guard;
  private final CelPrograms.Compiled body;

  CelRun(Guarded text, CelPrograms.Compiled guard, CelPrograms.Compiled body) {
    this.text = text;
    this.guard = guard;
    this.body = body;
  }

  /** The rule's text as {@code ctx}'s rule parameters split it (cel.ignore.guard.separator), compiled. */
  public static CelRun of(CelPrograms programs, RuleContext ctx) throws RuleException {
    String expression = ctx.rule().expr();
    if (expression == null || expression.isBlank()) {
      throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "' of type " + ctx.rule().type()
          + " has no expr");
    }
    return programs.run(expression, Boolean.parseBoolean(ctx.parameter(Guarded.IGNORE_GUARD_SEPARATOR)));
  }

  public static Object eval(CelPrograms programs, RuleContext ctx, Variables variables) throws RuleException {
    return of(programs, ctx).eval(programs, ctx.rule(), variables);
  }

  /** {@code rule}'s answer on {@code variables}, or {@link #SKIPPED} when its guard is not true. */
  public Object eval(CelPrograms programs, Rule rule, Variables variables) throws RuleException {
    if (text.guard() != null) {
      Object pass;
      try {
        pass = programs.eval(guard != null ? guard : programs.compiled(text.guard()), variables);
      } catch (CelEvaluationException | RuntimeException e) {
        pass = Boolean.FALSE;
      }
      if (!Boolean.TRUE.equals(pass)) {
        return SKIPPED;
      }
    }
    Object answer;
    try {
      answer = programs.eval(body != null ? body : programs.compiled(text.body()), variables);
    } catch (CelEvaluationException e) {
      throw new RuleException(rule, "Could not execute CEL script '" + text.body().trim() + "': "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new RuleException(rule, e.getMessage(), e);
    }
    if (rule.kind() == RuleKind.CONDITION && !(answer instanceof Boolean)) {
      throw new RuleException(rule, "the CEL condition '" + text.body().trim() + "' gave "
          + answer + ", not a bool");
    }
    return answer;
  }
}
