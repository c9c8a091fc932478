package dev.stele.serde.rules.testing;

import dev.stele.client.RuleKind;
import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.FieldTransform;
import dev.stele.serde.rules.FieldType;
import dev.stele.serde.rules.MessageModel;
import dev.stele.serde.rules.RuleConditionException;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import java.util.Map;
import java.util.Set;

/**
 * Flat {@code Map<String, Object>} messages of strings and longs, for engine tests: the smallest
 * real {@link MessageModel}. Paths are {@code Rec.<key>}; a key's inline tags are given up front.
 */
public record MapModel(Map<String, Set<String>> inlineTags) implements MessageModel {
  @Override
  public String format() {
    return "TEST";
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object transformFields(RuleContext ctx, FieldTransform transform, Object message) throws RuleException {
    Map<String, Object> map = (Map<String, Object>) message;
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      FieldType type = entry.getValue() instanceof String ? FieldType.STRING : FieldType.LONG;
      FieldContext field = ctx.field(map, "Rec." + entry.getKey(), entry.getKey(), type,
          inlineTags.getOrDefault(entry.getKey(), Set.of()));
      if (field == null) {
        continue;
      }
      Object result = transform.transform(ctx, field, entry.getValue());
      if (ctx.rule().kind() == RuleKind.CONDITION) {
        if (Boolean.FALSE.equals(result)) {
          throw new RuleConditionException(ctx.rule());
        }
      } else {
        entry.setValue(result);
      }
    }
    return map;
  }

  @Override
  public Object toPlain(Object value) {
    return value;
  }
}
