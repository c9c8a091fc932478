package dev.stele.serde.rules.cel;

import dev.cel.runtime.CelVariableResolver;
import dev.stele.client.RuleKind;
import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.FieldRuleExecutor;
import dev.stele.serde.rules.FieldTransform;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.cel.internal.CelPrograms;
import dev.stele.serde.rules.cel.internal.CelRun;
import dev.stele.serde.rules.cel.internal.CelValues;
import java.util.List;
import java.util.Optional;

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
    CelVariableResolver variables = name -> switch (name) {
      case "value" -> Optional.of(CelValues.toCel(value));
      case "fullName" -> Optional.of(field.fullName());
      case "name" -> Optional.of(field.name());
      case "typeName" -> Optional.of(field.type().name());
      case "tags" -> Optional.of(List.copyOf(field.tags()));
      case "message" -> Optional.of(CelValues.toCel(ctx.model().toPlain(field.containingMessage())));
      default -> Optional.empty();
    };
    Object answer = CelRun.eval(programs, ctx, variables);
    if (answer == CelRun.SKIPPED) {
      return ctx.rule().kind() == RuleKind.CONDITION ? Boolean.TRUE : value;
    }
    return ctx.rule().kind() == RuleKind.CONDITION ? answer : CelValues.fromCel(answer);
  }
}
