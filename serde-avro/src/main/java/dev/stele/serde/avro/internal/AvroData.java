package dev.stele.serde.avro.internal;

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
