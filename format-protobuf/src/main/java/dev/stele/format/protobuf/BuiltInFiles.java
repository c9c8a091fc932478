package dev.stele.format.protobuf;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import dev.stele.format.protobuf.internal.wire.WireReader;
import dev.stele.format.protobuf.model.Proto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files every schema may import without a reference, as in the Confluent registry: the
 * {@code google/protobuf/*.proto} well-known types (from protobuf-java's own descriptors),
 * Confluent's {@code confluent/meta.proto} and {@code confluent/type/decimal.proto}, and the
 * {@code google/type/*.proto} common types (these two shipped as text, written from their public
 * definitions without comments). A reference of the same name takes their place.
 */
final class BuiltInFiles {
  private static final String RESOURCES = "/dev/stele/format/protobuf/builtin/";
  /** Shipped as text: Confluent's own, and the {@code google/type} common types it bundles. */
  private static final List<String> AS_TEXT = List.of("confluent/meta.proto",
      "confluent/type/decimal.proto", "google/type/calendar_period.proto",
      "google/type/color.proto", "google/type/date.proto", "google/type/datetime.proto",
      "google/type/dayofweek.proto", "google/type/decimal.proto", "google/type/expr.proto",
      "google/type/fraction.proto", "google/type/interval.proto", "google/type/latlng.proto",
      "google/type/money.proto", "google/type/month.proto", "google/type/phone_number.proto",
      "google/type/postal_address.proto", "google/type/quaternion.proto",
      "google/type/timeofday.proto");

  /** By import path; loaded once, immutable. */
  static final Map<String, Proto.File> FILES = load();

  private BuiltInFiles() {}

  private static Map<String, Proto.File> load() {
    Map<String, Proto.File> files = new LinkedHashMap<>();
    for (FileDescriptor file : List.of(AnyProto.getDescriptor(), ApiProto.getDescriptor(),
        DescriptorProtos.getDescriptor(), DurationProto.getDescriptor(),
        EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(),
        SourceContextProto.getDescriptor(), StructProto.getDescriptor(),
        TimestampProto.getDescriptor(), TypeProto.getDescriptor(),
        WrappersProto.getDescriptor())) {
      files.put(file.getName(), DescriptorReader.read(file.toProto()));
    }
    for (String path : AS_TEXT) {
      files.put(path, WireReader.parse(resource(path)));
    }
    return Map.copyOf(files);
  }

  private static String resource(String path) {
    try (InputStream in = BuiltInFiles.class.getResourceAsStream(RESOURCES + path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
