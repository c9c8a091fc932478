package dev.stele.serde.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code NONE}: nothing happens; the default on success. A failure is logged at debug level. */
public final class NoneAction implements RuleAction {
  public static final String TYPE = "NONE";
  private static final Logger LOG = LoggerFactory.getLogger(NoneAction.class);

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void run(RuleContext ctx, Object message, RuleException failure) {
    if (failure != null) {
      LOG.debug("Rule '{}' failed and its action is NONE: {}", ctx.rule().name(), failure.getMessage());
    }
  }
}
