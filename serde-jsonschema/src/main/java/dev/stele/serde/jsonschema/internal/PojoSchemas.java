package dev.stele.serde.jsonschema.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Calendar;
import java.util.HashSet;
import java.util.Set;

/**
 * Derives a schema from a class as Jackson sees it (the same properties Jackson will write):
 * titled with the class's simple name, primitives required to be present and every other property
 * allowed to be null (Jackson writes nulls), as {@link DerivedSchemaOptions} says: draft, how null is
 * allowed, whether unknown properties are refused, how dates are written. Cycles and very deep
 * nesting end in {@code {}} (anything), so derivation always terminates.
 */
public final class PojoSchemas {
  private static final int MAX_DEPTH = 16;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PojoSchemas() {}

  /** With Confluent's defaults: draft-07, oneOf for nullables, closed objects, dates as numbers. */
  public static ObjectNode derive(ObjectMapper mapper, Class<?> type) {
    return derive(mapper, type, DerivedSchemaOptions.DEFAULTS);
  }

  public static ObjectNode derive(ObjectMapper mapper, Class<?> type, DerivedSchemaOptions options) {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", options.metaSchema());
    root.put("title", type.getSimpleName());
    // The root is never null: a null record is no record, and the serializer writes none.
    root.setAll(new Walk(mapper, options).schemaOf(mapper.constructType(type), 0));
    return root;
  }

  /** One derivation; {@code visiting} holds the classes on the current path, to stop cycles. */
  private static final class Walk {
    private final ObjectMapper mapper;
    private final DerivedSchemaOptions options;
    private final Set<Class<?>> visiting = new HashSet<>();

    Walk(ObjectMapper mapper, DerivedSchemaOptions options) {
      this.mapper = mapper;
      this.options = options;
    }

    /** The schema of a non-null value of {@code type}. */
    ObjectNode schemaOf(JavaType type, int depth) {
      ObjectNode node = NODES.objectNode();
      Class<?> raw = type.getRawClass();
      String simple = simpleType(raw);
      if (simple != null) {
        return node.put("type", simple);
      }
      if (java.util.Date.class.isAssignableFrom(raw) || Calendar.class.isAssignableFrom(raw)) {
        // What Jackson writes (json.write.dates.iso8601): epoch milliseconds, or an ISO-8601 string.
        return options.datesAsIso() ? node.put("type", "string").put("format", "date-time")
            : node.put("type", "integer");
      }
      if (type.isEnumType()) {
        ArrayNode values = node.put("type", "string").putArray("enum");
        for (Object constant : raw.getEnumConstants()) {
          values.add(constant.toString());
        }
        return node;
      }
      if (depth >= MAX_DEPTH || !visiting.add(raw) || raw == Object.class) {
        return node;
      }
      try {
        if (type.isArrayType() || type.isCollectionLikeType()) {
          node.put("type", "array").set("items", nullable(type.getContentType(), depth + 1));
        } else if (type.isMapLikeType()) {
          node.put("type", "object").set("additionalProperties", nullable(type.getContentType(), depth + 1));
        } else {
          node.put("type", "object");
          ObjectNode properties = node.putObject("properties");
          BeanDescription bean = mapper.getSerializationConfig().introspect(type);
          for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.couldSerialize()) {
              properties.set(property.getName(), nullable(property.getPrimaryType(), depth + 1));
            }
          }
          if (options.closed()) {
            node.put("additionalProperties", false);
          }
        }
        return node;
      } finally {
        visiting.remove(raw);
      }
    }

    /** The schema of a value of {@code type} that may be null (unless primitive). */
    private JsonNode nullable(JavaType type, int depth) {
      ObjectNode schema = schemaOf(type, depth);
      if (type.isPrimitive() || !schema.has("type")) {
        return schema; // a primitive is never null; {} already takes null
      }
      if (options.oneOfForNullables()) {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.putArray("oneOf").add(NODES.objectNode().put("type", "null").put("title", "Not included"))
            .add(schema);
        return wrapper;
      }
      String single = schema.get("type").asText();
      schema.putArray("type").add(single).add("null");
      if (schema.has("enum")) {
        ((ArrayNode) schema.get("enum")).addNull();
      }
      return schema;
    }
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
