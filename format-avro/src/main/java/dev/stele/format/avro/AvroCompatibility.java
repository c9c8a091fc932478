package dev.stele.format.avro;

import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Apache Avro's reader/writer rules, with each incompatibility worded as the Confluent registry
 * words it: "new" and "old" name the schema being registered and the existing one.
 */
final class AvroCompatibility {
  private AvroCompatibility() {}

  static CompatibilityResult check(Schema reader, Schema writer, Roles roles) {
    SchemaCompatibility.SchemaPairCompatibility pair =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    List<Incompatibility> found = new ArrayList<>();
    for (SchemaCompatibility.Incompatibility avro : pair.getResult().getIncompatibilities()) {
      found.add(describe(avro, roles));
    }
    return new CompatibilityResult(found);
  }

  private static Incompatibility describe(SchemaCompatibility.Incompatibility avro, Roles roles) {
    String readerRole = roles == Roles.NEW_READS_OLD ? "new" : "old";
    String writerRole = roles == Roles.NEW_READS_OLD ? "old" : "new";
    String path = avro.getLocation();
    String info = avro.getMessage();
    SchemaIncompatibilityType type = avro.getType();
    String description = switch (type) {
      case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
      case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + path + "' in the " + readerRole
          + " schema does not match with the " + writerRole + " schema";
      case MISSING_ENUM_SYMBOLS -> "The " + readerRole + " schema is missing enum symbols '" + info
          + "' at path '" + path + "' in the " + writerRole + " schema";
      case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + info + "' at path '" + path + "' in the "
          + readerRole + " schema has no default value and is missing in the " + writerRole + " schema";
      case TYPE_MISMATCH -> "The type (path '" + path + "') of a field in the " + readerRole
          + " schema does not match with the " + writerRole + " schema";
      case MISSING_UNION_BRANCH -> "The " + readerRole + " schema is missing a type inside a union field at path '"
          + path + "' in the " + writerRole + " schema";
      default -> type.name() + " at path '" + path + "'";
    };
    String message = "{errorType:'" + type.name() + "', description:'" + description
        + "', additionalInfo:'" + info + "'}";
    return new Incompatibility(type.name(), path, message);
  }
}
