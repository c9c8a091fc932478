package dev.stele.registry.read;

import dev.stele.registry.log.ContractCodec;
import dev.stele.registry.model.Metadata;
import dev.stele.registry.model.RawJson;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code confluent:reserved} metadata property (a comma list of field names), checked when
 * {@code validateFields} is on, as Confluent's registry checks it: a new version may not drop a
 * name the previous version reserved, nor have a top-level field of a reserved name. The
 * messages are Confluent's; they join the incompatibilities of the 409.
 */
final class ReservedFields {
  static final String RESERVED = "confluent:reserved";

  private ReservedFields() {}

  /**
   * @param previous the metadata of the latest version checked against; null when there is none
   */
  static List<String> problems(ParsedSchema candidate, RawJson metadata, RawJson previous,
      boolean hasPrevious) {
    List<String> messages = new ArrayList<>();
    Set<String> reserved = of(metadata);
    if (hasPrevious) {
      // Sorted: Confluent walks a hash set, whose order no client can rely on.
      for (String field : new TreeSet<>(of(previous))) {
        if (!reserved.contains(field)) {
          messages.add("The new schema has reserved field " + field
              + " removed from its metadata which is present in the old schema's metadata.");
        }
      }
    }
    Set<String> topLevel = topLevelFields(candidate);
    for (String field : reserved) {
      if (topLevel.contains(field)) {
        messages.add("The new schema has field that conflicts with the reserved field " + field + ".");
      }
    }
    return messages;
  }

  static Set<String> of(RawJson metadata) {
    Set<String> names = new LinkedHashSet<>();
    if (metadata == null) {
      return names;
    }
    Metadata parsed = ContractCodec.metadata(metadata);
    String list = parsed == null ? null : parsed.property(RESERVED);
    if (list != null) {
      for (String name : list.split(",")) {
        if (!name.trim().isEmpty()) {
          names.add(name.trim());
        }
      }
    }
    return names;
  }

  /**
   * The fields of the schema's root record, message or object: the fields listed under the
   * type of the first field listed ({@link ParsedSchema#fields()} walks the root first).
   */
  private static Set<String> topLevelFields(ParsedSchema schema) {
    Set<String> names = new LinkedHashSet<>();
    List<SchemaField> fields = schema.fields();
    if (fields.isEmpty()) {
      return names;
    }
    SchemaField first = fields.get(0);
    String root = first.path().substring(0, first.path().length() - first.name().length());
    for (SchemaField field : fields) {
      if (field.path().equals(root + field.name())) {
        names.add(field.name());
      }
    }
    return names;
  }
}
