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
