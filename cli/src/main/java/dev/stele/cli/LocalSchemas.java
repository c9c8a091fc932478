package dev.stele.cli;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormats;
import dev.stele.schema.SchemaReference;
import dev.stele.schema.SchemaSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Schema files parsed by the format modules on the class path, as the registry would parse them:
 * no server. A file that cannot be read or parsed is a {@link UsageException} naming it.
 */
final class LocalSchemas {
  private static final SchemaFormats FORMATS = SchemaFormats.load();

  private final SchemaFormat format;
  private final List<ResolvedReference> references;

  private LocalSchemas(SchemaFormat format, List<ResolvedReference> references) {
    this.format = format;
    this.references = references;
  }

  /**
   * The format named by {@code type}, else the one the first file's extension says ({@code .avsc}
   * Avro, {@code .proto} Protobuf, {@code .json} JSON Schema); {@code references} maps an import
   * name (Avro full name, Protobuf import path, JSON {@code $ref}) to the file it names.
   */
  static LocalSchemas of(String type, Path firstFile, Map<String, Path> references) {
    String chosen = type != null ? type : typeOf(firstFile);
    SchemaFormat format = FORMATS.find(chosen).orElseThrow(() -> new UsageException(
        "unknown schema type '" + chosen + "'; use one of " + FORMATS.types()));
    List<ResolvedReference> resolved = new ArrayList<>();
    if (references != null) {
      references.forEach((name, file) -> resolved.add(new ResolvedReference(
          new SchemaReference(name, name, 1), format.type(), read(file), List.of())));
    }
    return new LocalSchemas(format, resolved);
  }

  private static String typeOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".avsc") || name.endsWith(".avro")) {
      return "AVRO";
    }
    if (name.endsWith(".proto")) {
      return "PROTOBUF";
    }
    if (name.endsWith(".json")) {
      return "JSON";
    }
    throw new UsageException("cannot tell the schema type of " + file + " from its name;"
        + " give --type AVRO, JSON or PROTOBUF");
  }

  SchemaFormat format() {
    return format;
  }

  /** The file parsed and validated, as the registry does on registration. */
  ParsedSchema parse(Path file) {
    try {
      return format.parse(new SchemaSource(read(file), references, true));
    } catch (InvalidSchemaException e) {
      // The registry's 42201 wording, so the reason reads as it would from a registration.
      throw new UsageException(file + ": Invalid schema of type " + format.type() + ", details: "
          + e.getMessage(), e);
    }
  }

  List<ParsedSchema> parseAll(List<Path> files) {
    List<ParsedSchema> parsed = new ArrayList<>();
    for (Path file : files) {
      parsed.add(parse(file));
    }
    return parsed;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e, e);
    }
  }
}
