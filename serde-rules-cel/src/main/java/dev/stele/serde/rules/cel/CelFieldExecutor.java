package dev.stele.serde.rules.cel;

import dev.stele.client.RuleKind;
import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.FieldRuleExecutor;
import dev.stele.serde.rules.FieldTransform;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.cel.internal.CelPrograms;
import dev.stele.serde.rules.cel.internal.CelRun;
import dev.stele.serde.rules.cel.internal.CelValues;
import dev.stele.serde.rules.cel.internal.Variables;
import java.util.List;

/**
 * {@code CEL_FIELD}: a CEL expression run on each primitive field the rule's tags select (every
 * primitive field when it has none), with Confluent's variables: {@code value}, {@code name},
 * {@code fullName}, {@code typeName} ({@code STRING}, {@code INT}...), {@code tags} and the
 * containing {@code message}. A TRANSFORM's answer becomes the field's value, e.g.
 * {@code "name == 'ssn' ; 'XXX-XX-' + value.substring(7)"} masks it; a CONDITION fails the
 * message at the first field that answers false.
 */
public final class CelFieldExecutor extends FieldRuleExecutor {
  public static final String TYPE = "CEL_FIELD";
  private final CelPrograms programs = CelPrograms.forFields();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  protected FieldTransform newTransform(RuleContext rule) {
    return this::field;
  }

  private Object field(RuleContext ctx, FieldContext field, Object value) throws RuleException {
    if (!field.type().isPrimitive()) {
      return value;
    }
    // Each variable made only if the expression asks for it: most field rules never name the
    // containing message or the tags.
    Variables variables = name -> switch (name) {
      case "value" -> CelValues.toCel(value);
      case "fullName" -> field.fullName();
      case "name" -> field.name();
      case "typeName" -> field.type().name();
      case "tags" -> List.copyOf(field.tags());
      case "message" -> CelValues.toCel(ctx.model().toPlain(field.containingMessage()));
      default -> null;
    };
    Object answer = CelRun.eval(programs, ctx, variables);
    if (answer == CelRun.SKIPPED) {
      return ctx.rule().kind() == RuleKind.CONDITION ? Boolean.TRUE : value;
    }
    return ctx.rule().kind() == RuleKind.CONDITION ? answer : CelValues.fromCel(answer);
  }
}
