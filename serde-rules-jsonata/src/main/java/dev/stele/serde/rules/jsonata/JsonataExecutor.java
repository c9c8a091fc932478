package dev.stele.serde.rules.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.client.internal.Json;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.RuleExecutor;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code JSONATA}: a JSONata expression that rewrites the whole message, as Confluent's migration
 * rules do between versions, e.g. {@code $merge([$sift($, function($v, $k) {$k != 'ssn'}),
 * {'social': ssn}])} to rename a field on UPGRADE. The message is the JSON form of the record
 * (migrations hand it over as a Jackson tree); the answer is the new JSON. Each expression is
 * parsed once; a parsed expression is used by one thread at a time.
 */
public final class JsonataExecutor implements RuleExecutor {
  public static final String TYPE = "JSONATA";
  private static final int MAX_CACHED = 1000;
  private static final TypeReference<Object> ANY = new TypeReference<>() {};

  private final ConcurrentHashMap<String, ThreadLocal<Jsonata>> expressions = new ConcurrentHashMap<>();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Object transform(RuleContext ctx, Object message) throws RuleException {
    String expression = ctx.rule().expr();
    if (expression == null || expression.isBlank()) {
      throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "' of type JSONATA has no expr");
    }
    Object input = message instanceof JsonNode node ? Json.MAPPER.convertValue(node, ANY)
        : ctx.model().toPlain(message);
    Object output;
    try {
      output = parsed(expression).evaluate(input);
    } catch (RuntimeException e) {
      throw new RuleException(ctx.rule(), "the JSONata expression of rule '" + ctx.rule().name() + "' failed: "
          + e.getMessage(), e);
    }
    if (output == Jsonata.NULL_VALUE) {
      output = null;
    }
    return message instanceof JsonNode ? Json.MAPPER.valueToTree(output) : output;
  }

  private Jsonata parsed(String expression) {
    ThreadLocal<Jsonata> perThread = expressions.get(expression);
    if (perThread == null) {
      if (expressions.size() >= MAX_CACHED) {
        expressions.clear();
      }
      perThread = expressions.computeIfAbsent(expression, e -> ThreadLocal.withInitial(() -> Jsonata.jsonata(e)));
    }
    return perThread.get();
  }
}
