package dev.stele.serde.avro.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** Which Avro schema a Java value is written with, as Confluent's serializer maps them. */
public final class AvroData {
  private static final Map<Class<?>, Schema> PRIMITIVES = Map.of(
      Boolean.class, Schema.create(Schema.Type.BOOLEAN),
      Integer.class, Schema.create(Schema.Type.INT),
      Long.class, Schema.create(Schema.Type.LONG),
      Float.class, Schema.create(Schema.Type.FLOAT),
      Double.class, Schema.create(Schema.Type.DOUBLE),
      String.class, Schema.create(Schema.Type.STRING),
      byte[].class, Schema.create(Schema.Type.BYTES));
  private static final Schema STRING = Schema.create(Schema.Type.STRING);
  private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

  private AvroData() {}

  /** The schema for a record, enum, fixed or primitive value; anything else is refused. */
  public static Schema schemaOf(String topic, Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    }
    Schema primitive = PRIMITIVES.get(value.getClass());
    if (primitive != null) {
      return primitive;
    }
    if (value instanceof CharSequence) {
      return STRING;
    }
    if (value instanceof ByteBuffer) {
      return BYTES;
    }
    throw new SerializationException("Cannot serialize a " + value.getClass().getName() + " for topic '" + topic
        + "' as Avro: use a GenericRecord, a generated SpecificRecord, or a primitive (Boolean, Integer, Long, "
        + "Float, Double, CharSequence, byte[], ByteBuffer)");
  }

  /** Whether {@code value} is one Avro writes as it is (a record, enum, fixed or primitive), not a plain object. */
  public static boolean isAvroValue(Object value) {
    return value instanceof GenericContainer || PRIMITIVES.containsKey(value.getClass())
        || value instanceof CharSequence || value instanceof ByteBuffer;
  }

  /**
   * The schema's JSON without the {@code avro.java.string} properties the Java code generator
   * adds ({@code avro.remove.java.properties}): they say how Java holds a string, nothing about
   * the data, and other languages' clients would register a different schema.
   */
  public static String withoutJavaProperties(Schema schema) {
    try {
      JsonNode tree = JSON.readTree(schema.toString());
      strip(tree);
      return tree.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Avro wrote a schema that is not JSON", e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(JAVA_STRING);
      object.fields().forEachRemaining(field -> {
        if (!field.getKey().equals("default")) { // a default is data, not schema
          strip(field.getValue());
        }
      });
    } else if (node.isArray()) {
      node.forEach(AvroData::strip);
    }
  }

  private static final String JAVA_STRING = "avro.java.string";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the writer must be handed: GenericDatumWriter writes bytes from a ByteBuffer. */
  public static Object forWriter(Object value) {
    return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
  }

  /** The name subject strategies use: named types' full names, none for primitives. */
  public static String recordName(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getFullName();
      default -> null;
    };
  }

  /** Null when {@code reader} can read what {@code writer} wrote, else Avro's reason. */
  public static String cannotRead(Schema reader, Schema writer) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return null;
    }
    return result.getResult().getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
        .reduce((a, b) -> a + "; " + b).orElse(result.getDescription());
  }
}
