package dev.stele.format.protobuf.compat;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.TypeIndex;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.JsonPointer;
import dev.stele.schema.SchemaFormat.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a reader schema can read a writer schema's data: the whole-file diff of the writer's
 * schema ("original") against the reader's ("update"), keeping the differences outside the
 * compatible set, in the order found.
 */
public final class ProtobufCompatibility {
  private ProtobufCompatibility() {}

  /** @param roles which of the two is the new schema, for the messages' "new" and "old" */
  public static CompatibilityResult check(Proto.File reader, TypeIndex readerTypes,
      Proto.File writer, TypeIndex writerTypes, Roles roles) {
    List<Incompatibility> found = new ArrayList<>();
    for (DiffContext.Difference d : SchemaDiff.compare(writer, writerTypes, reader, readerTypes)) {
      if (!d.kind().compatible()) {
        found.add(new Incompatibility(d.kind(), d.pointer(), roles));
      }
    }
    return new CompatibilityResult(found);
  }

  /**
   * Every difference, compatible ones included, with its path as the messages spell it
   * ({@code FIELD_ADDED #/M/2}): for tests and tools that explain a change.
   */
  public static List<String> differences(Proto.File reader, TypeIndex readerTypes,
      Proto.File writer, TypeIndex writerTypes) {
    return SchemaDiff.compare(writer, writerTypes, reader, readerTypes).stream()
        .map(d -> d.kind().name() + " " + JsonPointer.hashPath(d.pointer()))
        .toList();
  }
}
