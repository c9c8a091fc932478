package dev.stele.maven;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormats;
import dev.stele.schema.SchemaSource;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The schema formats on the plugin's class path (Avro, JSON Schema, Protobuf), parsing as the
 * registry does on registration, with no server.
 */
final class Formats {
  /** A missing {@code schemaTypes} entry means Avro, as in Confluent's plugin. */
  static final String DEFAULT_TYPE = "AVRO";

  // Loaded with this class's loader: in Maven, the thread's context loader is not the plugin's.
  private static final SchemaFormats FORMATS = load();

  private Formats() {}

  private static SchemaFormats load() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(Formats.class.getClassLoader());
    try {
      return SchemaFormats.load();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The format of {@code type} (any case); {@code where} names the parameter for the message. */
  static SchemaFormat find(String type, String where) throws MojoExecutionException {
    String name = type == null || type.isBlank() ? DEFAULT_TYPE : type.trim();
    return FORMATS.find(name).orElseThrow(() -> new MojoExecutionException(where + ": unknown schema type '"
        + name + "'; use one of " + FORMATS.types()));
  }

  static String typeName(String type) {
    return type == null || type.isBlank() ? DEFAULT_TYPE : type.trim().toUpperCase(Locale.ROOT);
  }

  /** Parsed and validated; a bad schema fails in the registry's 42201 words, headed by {@code where}. */
  static ParsedSchema parse(SchemaFormat format, String text, List<ResolvedReference> references, String where)
      throws Invalid {
    try {
      return format.parse(new SchemaSource(text, references, true));
    } catch (InvalidSchemaException | RuntimeException e) {
      throw new Invalid(where + ": Invalid schema of type " + format.type() + ", details: " + e.getMessage(), e);
    }
  }

  /** A schema file that does not parse: the build's verdict on the schema, not a problem of the goal. */
  static final class Invalid extends MojoExecutionException {
    private static final long serialVersionUID = 1L;

    Invalid(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
