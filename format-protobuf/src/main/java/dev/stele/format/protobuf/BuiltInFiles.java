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
import com.google.type.CalendarPeriodProto;
import com.google.type.ColorProto;
import com.google.type.DateProto;
import com.google.type.DateTimeProto;
import com.google.type.DayOfWeekProto;
import com.google.type.DecimalProto;
import com.google.type.ExprProto;
import com.google.type.FractionProto;
import com.google.type.IntervalProto;
import com.google.type.LatLngProto;
import com.google.type.MoneyProto;
import com.google.type.MonthProto;
import com.google.type.PhoneNumberProto;
import com.google.type.PostalAddressProto;
import com.google.type.QuaternionProto;
import com.google.type.TimeOfDayProto;
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
 * {@code google/protobuf/*.proto} well-known types (protobuf-java's own descriptors), the
 * {@code google/type/*.proto} common types (the descriptors of Google's proto-google-common-protos,
 * the library the definitions come from), and Confluent's {@code confluent/meta.proto} and
 * {@code confluent/type/decimal.proto} (shipped as text, written from their public definitions).
 * A reference of the same name takes their place.
 */
final class BuiltInFiles {
  private static final String RESOURCES = "/dev/stele/format/protobuf/builtin/";
  /** Shipped as text: Confluent's own. */
  private static final List<String> AS_TEXT = List.of("confluent/meta.proto",
      "confluent/type/decimal.proto");

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
        WrappersProto.getDescriptor(),
        // The google/type files the Confluent registry bundles (not localized_text.proto).
        CalendarPeriodProto.getDescriptor(), ColorProto.getDescriptor(),
        DateProto.getDescriptor(), DateTimeProto.getDescriptor(), DayOfWeekProto.getDescriptor(),
        DecimalProto.getDescriptor(), ExprProto.getDescriptor(), FractionProto.getDescriptor(),
        IntervalProto.getDescriptor(), LatLngProto.getDescriptor(), MoneyProto.getDescriptor(),
        MonthProto.getDescriptor(), PhoneNumberProto.getDescriptor(),
        PostalAddressProto.getDescriptor(), QuaternionProto.getDescriptor(),
        TimeOfDayProto.getDescriptor())) {
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
