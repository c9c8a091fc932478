package dev.stele.serde.rules;

import java.util.Set;

/**
 * One field a field rule is about to see.
 *
 * @param containingMessage the record, object or message holding the field, in the format's own type
 * @param fullName the path tags are matched against: Avro {@code <record full name>.<field>},
 *     Protobuf {@code <message full name>.<field>}, JSON Schema {@code $.<property>...}
 * @param tags the field's inline tags and the metadata tags whose path matches {@code fullName}
 */
public record FieldContext(Object containingMessage, String fullName, String name, FieldType type,
    Set<String> tags) {
  public FieldContext {
    tags = Set.copyOf(tags);
  }
}
