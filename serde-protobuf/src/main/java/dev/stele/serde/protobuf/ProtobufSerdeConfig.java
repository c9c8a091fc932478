package dev.stele.serde.protobuf;

import java.util.Locale;
import java.util.function.Function;

/**
 * The Protobuf-only keys; the shared ones are in {@link dev.stele.serde.SerdeConfig} and the
 * registry connection keys in {@link dev.stele.client.ClientConfig}.
 */
public final class ProtobufSerdeConfig {
  /** The generated class values are parsed into; without it, a {@code DynamicMessage}. */
  public static final String VALUE_TYPE = "specific.protobuf.value.type";
  /** The same for keys. */
  public static final String KEY_TYPE = "specific.protobuf.key.type";
  /**
   * Which subject an import is registered under: {@code DefaultReferenceSubjectNameStrategy} (the
   * import path, e.g. {@code google/protobuf/timestamp.proto}) or
   * {@code QualifiedReferenceSubjectNameStrategy} (dotted, without {@code .proto}:
   * {@code google.protobuf.timestamp}). Confluent's full class names are accepted.
   */
  public static final String REFERENCE_SUBJECT_NAME_STRATEGY = "reference.subject.name.strategy";
  /**
   * Serializer: leave imports the registry resolves by itself (google/protobuf, google/type,
   * confluent) out of the references (default true, as Confluent's); false registers them too.
   */
  public static final String SKIP_KNOWN_TYPES = "skip.known.types";
  /** Serializer: look imports up only, never register them, even with auto.register.schemas (default false). */
  public static final String REFERENCE_LOOKUP_ONLY = "reference.lookup.only";
  /**
   * Deserializer: without a configured class, read into the generated class the writer's schema
   * names through its java_package, java_outer_classname and java_multiple_files options
   * (default false: a DynamicMessage).
   */
  public static final String DERIVE_TYPE = "derive.type";

  private ProtobufSerdeConfig() {}

  static Function<String, String> referenceStrategy(String name) {
    if (name == null || name.isBlank() || name.endsWith("DefaultReferenceSubjectNameStrategy")) {
      return Function.identity();
    }
    if (name.endsWith("QualifiedReferenceSubjectNameStrategy")) {
      return path -> {
        String base = path.toLowerCase(Locale.ROOT).endsWith(".proto") ? path.substring(0, path.length() - 6) : path;
        return base.replace('/', '.');
      };
    }
    throw new IllegalArgumentException(REFERENCE_SUBJECT_NAME_STRATEGY + ": " + name
        + " is not supported; use DefaultReferenceSubjectNameStrategy or QualifiedReferenceSubjectNameStrategy");
  }
}
