package dev.stele.serde.jsonschema.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * Derives a draft-07 schema from a class as Jackson sees it (the same properties Jackson will
 * write): titled with the class's simple name, strict about unknown properties, primitives
 * required to be present and everything else allowed to be null (Jackson writes nulls).
 * Cycles and very deep nesting end in {@code {}} (anything), so derivation always terminates.
 */
public final class PojoSchemas {
  private static final int MAX_DEPTH = 16;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PojoSchemas() {}

  public static ObjectNode derive(ObjectMapper mapper, Class<?> type) {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", type.getSimpleName());
    root.setAll(schemaOf(mapper, mapper.constructType(type), new HashSet<>(), 0));
    return root;
  }

  private static ObjectNode schemaOf(ObjectMapper mapper, JavaType type, Set<Class<?>> visiting, int depth) {
    ObjectNode node = NODES.objectNode();
    Class<?> raw = type.getRawClass();
    String simple = simpleType(raw);
    if (simple != null) {
      return typed(node, simple, type.isPrimitive());
    }
    if (type.isEnumType()) {
      ArrayNode values = typed(node, "string", false).putArray("enum");
      for (Object constant : raw.getEnumConstants()) {
        values.add(constant.toString());
      }
      values.addNull();
      return node;
    }
    if (depth >= MAX_DEPTH || !visiting.add(raw) || raw == Object.class) {
      return node;
    }
    try {
      if (type.isArrayType() || type.isCollectionLikeType()) {
        typed(node, "array", false).set("items", schemaOf(mapper, type.getContentType(), visiting, depth + 1));
      } else if (type.isMapLikeType()) {
        typed(node, "object", false).set("additionalProperties",
            schemaOf(mapper, type.getContentType(), visiting, depth + 1));
      } else {
        typed(node, "object", false);
        ObjectNode properties = node.putObject("properties");
        BeanDescription bean = mapper.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : bean.findProperties()) {
          if (property.couldSerialize()) {
            properties.set(property.getName(), schemaOf(mapper, property.getPrimaryType(), visiting, depth + 1));
          }
        }
        node.put("additionalProperties", false);
      }
      return node;
    } finally {
      visiting.remove(raw);
    }
  }

  private static ObjectNode typed(ObjectNode node, String type, boolean required) {
    if (required) {
      node.put("type", type);
    } else {
      node.putArray("type").add(type).add("null");
    }
    return node;
  }

  private static String simpleType(Class<?> raw) {
    if (raw == String.class || CharSequence.class.isAssignableFrom(raw) || raw == char.class
        || raw == Character.class || raw == byte[].class) {
      return "string";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "boolean";
    }
    if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
        || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
      return "integer";
    }
    if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
        || raw == BigDecimal.class) {
      return "number";
    }
    return null;
  }
}
