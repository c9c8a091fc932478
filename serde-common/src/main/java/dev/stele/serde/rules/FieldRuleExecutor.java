package dev.stele.serde.rules;

import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import java.util.Objects;

/**
 * An executor that works field by field (CEL_FIELD, later ENCRYPT): it supplies the per-field
 * {@link FieldTransform}; the format's {@link MessageModel} walks the message and picks the
 * fields by the rule's tags.
 *
 * <p>As in Confluent, of two transforms of the same type, mode and tags only one runs: the first
 * on the way out (WRITE, UPGRADE), the last on the way in (READ, DOWNGRADE), so a field is, say,
 * encrypted once and decrypted once.
 */
public abstract class FieldRuleExecutor implements RuleExecutor {
  /**
   * Confluent's key: with {@code true} (a param of the executor, else of the rule or the schema's
   * metadata), a TRANSFORM on write rewrites a copy and leaves the application's record as it was.
   */
  public static final String PRESERVE_SOURCE_FIELDS = "preserve.source.fields";

  private Boolean preserveSource;

  /** Reads {@code preserve.source.fields}; subclasses that override this call it. */
  @Override
  public void configure(java.util.Map<String, ?> configs) {
    Object configured = configs.get(PRESERVE_SOURCE_FIELDS);
    preserveSource = configured == null ? null : Boolean.parseBoolean(configured.toString().trim());
  }

  private boolean preserveSource(RuleContext ctx) {
    return preserveSource != null ? preserveSource : Boolean.parseBoolean(ctx.parameter(PRESERVE_SOURCE_FIELDS));
  }

  /** The transform for one rule on one message; null to leave the message as it is. */
  protected abstract FieldTransform newTransform(RuleContext ctx) throws RuleException;

  @Override
  public Object transform(RuleContext ctx, Object message) throws RuleException {
    boolean outward = switch (ctx.mode()) {
      case WRITE, UPGRADE -> true;
      case READ, DOWNGRADE -> false;
      default -> throw new IllegalArgumentException("a serde never runs in mode " + ctx.mode());
    };
    int from = outward ? 0 : ctx.index() + 1;
    int to = outward ? ctx.index() : ctx.rules().size();
    for (int i = from; i < to; i++) {
      if (sameTransform(ctx.rule(), ctx.rules().get(i))) {
        return message;
      }
    }
    FieldTransform transform = newTransform(ctx);
    if (transform == null) {
      return message;
    }
    if (ctx.mode() == RuleMode.WRITE && ctx.rule().kind() == RuleKind.TRANSFORM && preserveSource(ctx)) {
      // The lazy copy shares untouched parts with the application's message: only safe when no
      // later transform of this phase may write into it in place.
      return laterTransform(ctx) ? ctx.model().transformFields(ctx, transform, ctx.model().copy(message))
          : ctx.model().transformFieldsOfCopy(ctx, transform, message);
    }
    return ctx.model().transformFields(ctx, transform, message);
  }

  private static boolean laterTransform(RuleContext ctx) {
    for (int i = ctx.index() + 1; i < ctx.rules().size(); i++) {
      if (ctx.rules().get(i).kind() == RuleKind.TRANSFORM) {
        return true;
      }
    }
    return false;
  }

  static boolean sameTransform(Rule one, Rule other) {
    return !one.tags().isEmpty() && one.kind() == RuleKind.TRANSFORM && other.kind() == RuleKind.TRANSFORM
        && one.mode() == other.mode() && Objects.equals(one.type(), other.type())
        && one.tags().equals(other.tags());
  }
}
