package dev.stele.format.avro;

import dev.stele.schema.SchemaField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * The fields of an Avro schema for a search: {@code record.field} paths (as tags spell them),
 * types written the way people say them: a primitive's name (with its logical type in brackets:
 * {@code long (timestamp-millis)}), a named type's full name, {@code array<T>}, {@code map<T>},
 * {@code union<A, B>}.
 */
final class AvroFields {
  private AvroFields() {}

  static List<SchemaField> of(Schema schema) {
    List<SchemaField> found = new ArrayList<>();
    walk(schema, (record, field) -> found.add(
        new SchemaField(record.getFullName() + "." + field.name(), field.name(), type(field.schema()))));
    return found;
  }

  /** What {@link #walk} shows: each record once, then each of its fields before what the field holds. */
  interface Visitor {
    default void record(Schema record) { }

    void field(Schema record, Schema.Field field);
  }

  /** Every record reachable from {@code schema} (through unions, arrays, maps and fields), in schema order. */
  static void walk(Schema schema, Visitor visitor) {
    walk(schema, visitor, new HashSet<>());
  }

  private static void walk(Schema schema, Visitor visitor, Set<String> seen) {
    switch (schema.getType()) {
      case UNION -> schema.getTypes().forEach(t -> walk(t, visitor, seen));
      case ARRAY -> walk(schema.getElementType(), visitor, seen);
      case MAP -> walk(schema.getValueType(), visitor, seen);
      case RECORD -> {
        if (!seen.add(schema.getFullName())) {
          return; // recursive types: each record once
        }
        visitor.record(schema);
        for (Schema.Field field : schema.getFields()) {
          visitor.field(schema, field);
          walk(field.schema(), visitor, seen);
        }
      }
      default -> { }
    }
  }

  static String type(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getFullName();
      case ARRAY -> "array<" + type(schema.getElementType()) + ">";
      case MAP -> "map<" + type(schema.getValueType()) + ">";
      case UNION -> schema.getTypes().stream().map(AvroFields::type).collect(Collectors.joining(", ", "union<", ">"));
      default -> {
        LogicalType logical = schema.getLogicalType();
        String name = schema.getType().getName();
        yield logical == null ? name : name + " (" + logical.getName() + ")";
      }
    };
  }
}
