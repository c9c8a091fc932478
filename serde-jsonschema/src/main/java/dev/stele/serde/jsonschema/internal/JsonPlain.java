package dev.stele.serde.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.internal.FieldLeaf;
import dev.stele.serde.rules.internal.PlainViews;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.Set;

/** Jackson trees as plain Java for rules, objects as lazy read-only maps; and answers back as nodes. */
final class JsonPlain {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonPlain() {}

  static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBinary()) {
      return ((com.fasterxml.jackson.databind.node.BinaryNode) node).binaryValue();
    }
    if (node.isArray()) {
      return PlainViews.list(node.size(), index -> of(node.get(index)));
    }
    if (node.isObject()) {
      return new ObjectView(node);
    }
    return node.asText();
  }

  static JsonNode toNode(RuleContext ctx, FieldContext field, Object value) throws RuleException {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof CharSequence text) {
      return NODES.textNode(text.toString());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    if (value instanceof Number number && !(value instanceof BigInteger)) {
      return NODES.numberNode(number.longValue());
    }
    if (value instanceof byte[] bytes) {
      return NODES.binaryNode(bytes);
    }
    throw FieldLeaf.wrongAnswer(ctx, field, "JSON", value, null);
  }

  private static final class ObjectView extends AbstractMap<String, Object> {
    private final JsonNode node;

    ObjectView(JsonNode node) {
      this.node = node;
    }

    @Override
    public Object get(Object key) {
      return key instanceof String name ? of(node.get(name)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && node.has(name);
    }

    @Override
    public int size() {
      return node.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return PlainViews.entries(node.properties(),
          entry -> new SimpleImmutableEntry<>(entry.getKey(), of(entry.getValue())));
    }
  }
}
