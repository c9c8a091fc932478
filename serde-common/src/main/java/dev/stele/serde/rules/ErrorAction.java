package dev.stele.serde.rules;

/** {@code ERROR}: the record fails with a {@link RuleFailedException}; the default on failure. */
public final class ErrorAction implements RuleAction {
  public static final String TYPE = "ERROR";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void run(RuleContext ctx, Object message, RuleException failure) {
    throw new RuleFailedException(ctx.rule(), failure != null ? failure
        : new RuleException(ctx.rule(), "the rule's action is ERROR"));
  }
}
