package dev.stele.serde.rules.internal;

import dev.stele.client.RuleKind;
import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.FieldTransform;
import dev.stele.serde.rules.FieldType;
import dev.stele.serde.rules.RuleConditionException;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What every format's {@code MessageModel} does at a primitive field once its walk has found one:
 * the rule's tag filter, the plain value to the transform, a condition's {@code false} as
 * {@link RuleConditionException}, and a transform's answer back as the field's own type.
 */
public final class FieldLeaf {
  private FieldLeaf() {}

  /** A transform's plain answer as the field's own Java type, or the {@link RuleException} saying why not. */
  @FunctionalInterface
  public interface Answer<T> {
    T toField(FieldContext leaf, Object answer) throws RuleException;
  }

  /**
   * Runs {@code transform} on one primitive field of {@code type}: {@code value} itself when the
   * rule's tags do not select the field or the rule is a condition that held, else the answer.
   */
  public static <T> T transform(RuleContext ctx, FieldContext field, FieldType type, T value,
      Function<? super T, Object> toPlain, FieldTransform transform, Answer<T> answer) throws RuleException {
    if (!selects(ctx.rule().tags(), field.tags())) {
      return value;
    }
    FieldContext leaf = field.type() == type ? field
        : new FieldContext(field.containingMessage(), field.fullName(), field.name(), type, field.tags());
    Object result = transform.transform(ctx, leaf, toPlain.apply(value));
    if (ctx.rule().kind() == RuleKind.CONDITION) {
      if (Boolean.FALSE.equals(result)) {
        throw new RuleConditionException(ctx.rule());
      }
      return value;
    }
    return answer.toField(leaf, result);
  }

  /**
   * Whether a rule with tags {@code wanted} sees a field tagged {@code tags}: every field when it
   * names none, else one that has one of them. A loop, not a stream: it runs for every field of
   * every record.
   */
  public static boolean selects(Set<String> wanted, Set<String> tags) {
    if (wanted.isEmpty()) {
      return true;
    }
    for (String tag : tags) {
      if (wanted.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A plain answer ({@code Long}, {@code Double}, a {@code CharSequence}...) as the Java type the
   * Avro and Protobuf objects hold for a scalar field of {@code type}; other types as they are. A
   * null or an answer of another kind throws {@link ClassCastException} or {@link NullPointerException}.
   */
  public static Object scalar(FieldType type, Object answer) {
    return switch (type) {
      case INT -> ((Number) answer).intValue();
      case LONG -> ((Number) answer).longValue();
      case FLOAT -> ((Number) answer).floatValue();
      case DOUBLE -> ((Number) answer).doubleValue();
      case BOOLEAN -> (Boolean) answer;
      case STRING -> ((CharSequence) answer).toString();
      default -> answer;
    };
  }

  /**
   * {@code convert}'s reading of a plain answer as a field of {@code type} (the format's own name
   * for it), with a cast that fails, or a null where none fits, as the rule's {@link RuleException}.
   */
  public static Object convert(RuleContext ctx, FieldContext field, Object type, Object answer,
      UnaryOperator<Object> convert) throws RuleException {
    try {
      return convert.apply(answer);
    } catch (ClassCastException | NullPointerException e) {
      throw wrongAnswer(ctx, field, type, answer, e);
    }
  }

  /** The error for an answer that is not of the field's {@code type} (the format's own name for it). */
  public static RuleException wrongAnswer(RuleContext ctx, FieldContext field, Object type, Object answer,
      Throwable cause) {
    return new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "' gave "
        + (answer == null ? "null" : "a " + answer.getClass().getSimpleName()) + " for " + type
        + " field " + field.fullName(), cause);
  }
}
