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
    collect(schema, found, new HashSet<>());
    return found;
  }

  private static void collect(Schema schema, List<SchemaField> found, Set<String> seen) {
    switch (schema.getType()) {
      case UNION -> schema.getTypes().forEach(t -> collect(t, found, seen));
      case ARRAY -> collect(schema.getElementType(), found, seen);
      case MAP -> collect(schema.getValueType(), found, seen);
      case RECORD -> {
        if (!seen.add(schema.getFullName())) {
          return; // recursive types: each record once
        }
        for (Schema.Field field : schema.getFields()) {
          found.add(new SchemaField(schema.getFullName() + "." + field.name(), field.name(), type(field.schema())));
          collect(field.schema(), found, seen);
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
