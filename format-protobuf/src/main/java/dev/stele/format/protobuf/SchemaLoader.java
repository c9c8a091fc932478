package dev.stele.format.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.stele.format.protobuf.internal.wire.WireReader;
import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.TypeIndex;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ResolvedReference;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a schema and the files it references into {@link Proto} models and indexes their types.
 * Every failure is an {@link InvalidSchemaException} in the Confluent registry's words; nothing a
 * client sends may escape as another exception or a stack overflow.
 */
final class SchemaLoader {
  /**
   * Braces and brackets nested deeper than this are refused before parsing: the parser, the
   * printer and the diff all recurse, and no real schema comes near it.
   */
  static final int MAX_NESTING = 100;
  private static final String PREFIX = "Could not parse Protobuf - ";

  /**
   * @param dependencies every referenced file by import path (transitively), deepest first
   * @param sources the subject and version of each directly referenced file
   */
  record Loaded(Proto.File file, Map<String, Proto.File> dependencies,
      Map<String, TypeIndex.Source> sources, TypeIndex types) {}

  private SchemaLoader() {}

  static Loaded load(String text, List<ResolvedReference> references)
      throws InvalidSchemaException {
    Proto.File file = decode(text);
    Map<String, Proto.File> dependencies = new LinkedHashMap<>();
    collect(references, new HashSet<>(), dependencies);
    Map<String, TypeIndex.Source> sources = new LinkedHashMap<>();
    for (ResolvedReference ref : references) {
      sources.putIfAbsent(ref.reference().name(),
          new TypeIndex.Source(ref.reference().subject(), ref.reference().version()));
    }
    return new Loaded(file, Map.copyOf(dependencies), Map.copyOf(sources),
        index(file, dependencies, sources));
  }

  /**
   * Built-ins first (unless a reference of the same path replaces one), then referenced files,
   * then the schema's own types: the order in which Confluent lets a later name win.
   */
  private static TypeIndex index(Proto.File file, Map<String, Proto.File> dependencies,
      Map<String, TypeIndex.Source> sources) {
    TypeIndex.Builder index = new TypeIndex.Builder();
    BuiltInFiles.FILES.forEach((path, builtIn) -> {
      if (!dependencies.containsKey(path)) {
        index.add(builtIn, null);
      }
    });
    dependencies.forEach((path, dependency) -> index.add(dependency, sources.get(path)));
    return index.add(file, TypeIndex.Source.LOCAL).build();
  }

  /** Depth first, a file's own references before it, each import path once. */
  private static void collect(List<ResolvedReference> refs, Set<String> seen,
      Map<String, Proto.File> out) throws InvalidSchemaException {
    for (ResolvedReference ref : refs) {
      String name = ref.reference().name();
      if (seen.add(name)) {
        if (ref.schemaType() != null && !ProtobufFormat.TYPE.equals(ref.schemaType())) {
          throw new InvalidSchemaException(
              "Reference " + name + " is a " + ref.schemaType() + " schema, not PROTOBUF");
        }
        collect(ref.references(), seen, out);
        out.put(name, decode(ref.schema()));
      }
    }
  }

  /**
   * {@code .proto} text, or else a base64-encoded {@code FileDescriptorProto} (what Confluent's
   * own clients send). When both fail, the text parser's reason is the one reported.
   */
  static Proto.File decode(String text) throws InvalidSchemaException {
    checkNesting(text);
    try {
      return WireReader.parse(text);
    } catch (RuntimeException e) {
      Proto.File fromDescriptor = fromDescriptor(text);
      if (fromDescriptor != null) {
        return fromDescriptor;
      }
      throw new InvalidSchemaException(PREFIX + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new InvalidSchemaException(PREFIX + "the schema is nested too deeply");
    }
  }

  private static Proto.File fromDescriptor(String text) {
    try {
      byte[] bytes = Base64.getDecoder().decode(text.trim());
      return DescriptorReader.read(FileDescriptorProto.parseFrom(bytes));
    } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
      return null;
    }
  }

  /**
   * Refuses text whose braces or brackets nest deeper than {@link #MAX_NESTING}, counting
   * outside string literals and comments; a cheap linear scan that keeps deep recursion away.
   */
  private static void checkNesting(String text) throws InvalidSchemaException {
    int depth = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = skipString(text, i);
        continue;
      }
      if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        i = lineEnd(text, i);
        continue;
      }
      if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
        continue;
      }
      if (c == '{' || c == '[') {
        if (++depth > MAX_NESTING) {
          throw new InvalidSchemaException(
              PREFIX + "the schema nests deeper than " + MAX_NESTING + " levels");
        }
      } else if (c == '}' || c == ']') {
        depth = Math.max(0, depth - 1);
      }
      i++;
    }
  }

  private static int skipString(String text, int start) {
    char quote = text.charAt(start);
    int i = start + 1;
    while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static int lineEnd(String text, int start) {
    int end = text.indexOf('\n', start);
    return end < 0 ? text.length() : end + 1;
  }
}
