package dev.stele.format.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import dev.stele.format.protobuf.model.Proto;
import dev.stele.schema.InvalidSchemaException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files a schema may import without a reference (Confluent's "known types":
 * {@code google/protobuf/*}, {@code google/type/*}, {@code confluent/meta.proto},
 * {@code confluent/type/decimal.proto}), for clients: a serializer with {@code skip.known.types}
 * leaves them out of a schema's references, and a deserializer then needs their descriptors
 * from somewhere other than the registry.
 */
public final class KnownImports {
  private KnownImports() {}

  /** The import paths the registry resolves by itself. */
  public static Set<String> paths() {
    return BuiltInFiles.FILES.keySet();
  }

  /**
   * The descriptor of a known file, named by its import path, as {@code format=serialized}
   * writes one; empty when {@code path} is not a known file.
   */
  public static Optional<FileDescriptorProto> descriptor(String path) {
    Proto.File file = BuiltInFiles.FILES.get(path);
    if (file == null) {
      return Optional.empty();
    }
    try {
      SchemaLoader.Loaded loaded = SchemaLoader.load(ProtoPrinter.print(file), List.of());
      return Optional.of(DescriptorWriter.write(loaded.file(), loaded.types(), paths()).toBuilder()
          .setName(path).build());
    } catch (InvalidSchemaException e) {
      // The built-ins are our own resources and protobuf-java's descriptors: they always load.
      throw new IllegalStateException("the built-in " + path + " does not load: " + e.getMessage(), e);
    }
  }
}
