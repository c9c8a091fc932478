package dev.stele.serde.rules.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.internal.Json;
import dev.stele.serde.rules.FieldTransform;
import dev.stele.serde.rules.MessageModel;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;

/**
 * Messages during a migration: the record's JSON form, whatever its format, as Confluent migrates.
 * Whole-message executors (JSONata, CEL) see it; field rules are not run in migrations yet and
 * fail through the rule's {@code onFailure} rather than being skipped.
 */
final class JsonTreeModel implements MessageModel {
  static final JsonTreeModel INSTANCE = new JsonTreeModel();
  private static final TypeReference<Object> ANY = new TypeReference<>() {};

  @Override
  public String format() {
    return "JSON";
  }

  @Override
  public Object transformFields(RuleContext ctx, FieldTransform transform, Object message) throws RuleException {
    throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "': field rules (" + ctx.rule().type()
        + ") in migration rules are not supported by Stele yet");
  }

  @Override
  public Object toPlain(Object value) {
    return value instanceof JsonNode node ? Json.MAPPER.convertValue(node, ANY) : value;
  }
}
