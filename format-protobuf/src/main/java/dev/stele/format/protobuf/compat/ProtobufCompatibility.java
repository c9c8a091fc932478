package dev.stele.format.protobuf.compat;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.TypeIndex;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a reader schema can read a writer schema's data: the whole-file diff of the writer's
 * schema ("original") against the reader's ("update"), keeping the differences outside the
 * compatible set, in the order found.
 */
public final class ProtobufCompatibility {
  private ProtobufCompatibility() {}

  /**
   * @param readerRole "new" or "old": how the messages name the reader's schema
   * @param writerRole the other one
   */
  public static CompatibilityResult check(Proto.File reader, TypeIndex readerTypes,
      Proto.File writer, TypeIndex writerTypes, String readerRole, String writerRole) {
    List<Incompatibility> found = new ArrayList<>();
    for (DiffContext.Difference d : SchemaDiff.compare(writer, writerTypes, reader, readerTypes)) {
      if (!d.kind().compatible()) {
        found.add(new Incompatibility(d.kind().name(), d.path(),
            d.kind().message(d.path(), readerRole, writerRole)));
      }
    }
    return new CompatibilityResult(found);
  }

  /** Every difference, compatible ones included: for tests and tools that explain a change. */
  public static List<String> differences(Proto.File reader, TypeIndex readerTypes,
      Proto.File writer, TypeIndex writerTypes) {
    return SchemaDiff.compare(writer, writerTypes, reader, readerTypes).stream()
        .map(d -> d.kind().name() + " " + d.path())
        .toList();
  }
}
