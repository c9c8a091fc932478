package dev.stele.format.avro;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.util.internal.Accessor;

/**
 * Field default validation as Avro 1.11 does it, which is what the Confluent registry (7.9) applies
 * when a schema is registered with {@code normalize=true}.
 *
 * <p>Why not Avro 1.12's own check: 1.12 accepts a union default that matches any branch, 1.11 only
 * the first branch (the Avro specification's rule), and clients see the difference as an accepted
 * or refused registration. The check reads the default exactly as written (Avro's
 * {@link Accessor}), since the message quotes it.
 */
final class LegacyDefaults {
  private LegacyDefaults() {}

  /** Checks the referenced schemas, then the main one, each field after its own type. */
  static void check(List<Schema> referenced, Schema main) {
    Set<Schema> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Schema schema : referenced) {
      visit(schema, visited);
    }
    visit(main, visited);
  }

  private static void visit(Schema schema, Set<Schema> visited) {
    switch (schema.getType()) {
      case RECORD -> {
        if (visited.add(schema)) {
          for (Field field : schema.getFields()) {
            visit(field.schema(), visited);
            checkField(field);
          }
        }
      }
      case ARRAY -> visit(schema.getElementType(), visited);
      case MAP -> visit(schema.getValueType(), visited);
      case UNION -> schema.getTypes().forEach(branch -> visit(branch, visited));
      default -> {
        // primitives, enums and fixed have no field defaults inside
      }
    }
  }

  private static void checkField(Field field) {
    JsonNode value = Accessor.defaultValue(field);
    if (value != null && !isValid(field.schema(), value)) {
      throw new org.apache.avro.AvroTypeException("Invalid default for field " + field.name()
          + ": " + value + " not a " + field.schema());
    }
  }

  static boolean isValid(Schema schema, JsonNode value) {
    if (value == null) {
      return false;
    }
    return switch (schema.getType()) {
      case STRING, BYTES, ENUM, FIXED -> value.isTextual();
      case INT -> value.isIntegralNumber() && value.canConvertToInt();
      case LONG -> value.isIntegralNumber() && value.canConvertToLong();
      case FLOAT, DOUBLE -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case NULL -> value.isNull();
      case ARRAY -> value.isArray() && allValid(schema.getElementType(), value);
      case MAP -> value.isObject() && allValid(schema.getValueType(), value);
      case UNION -> isValid(schema.getTypes().get(0), value);
      case RECORD -> value.isObject() && recordValid(schema, value);
    };
  }

  private static boolean allValid(Schema elementType, JsonNode container) {
    for (JsonNode element : container) {
      if (!isValid(elementType, element)) {
        return false;
      }
    }
    return true;
  }

  private static boolean recordValid(Schema record, JsonNode value) {
    for (Field field : record.getFields()) {
      JsonNode fieldValue = value.has(field.name())
          ? value.get(field.name())
          : Accessor.defaultValue(field);
      if (!isValid(field.schema(), fieldValue)) {
        return false;
      }
    }
    return true;
  }
}
