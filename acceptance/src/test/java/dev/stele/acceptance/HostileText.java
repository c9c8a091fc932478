package dev.stele.acceptance;

import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Builders of the large texts hostile cases are made of: lists, nestings, quoted names. */
final class HostileText {
  private HostileText() {}

  /** {@code item(0) sep item(1) sep ... item(count - 1)}. */
  static String list(int count, String separator, IntFunction<String> item) {
    return IntStream.range(0, count).mapToObj(item).collect(Collectors.joining(separator));
  }

  /** {@code open} {@code depth} times around {@code inner}, then {@code close} as often. */
  static String nested(int depth, String open, String inner, String close) {
    return open.repeat(depth) + inner + close.repeat(depth);
  }

  static String quoted(String text) {
    return "\"" + text + "\"";
  }

  /** An Avro record of the given fields (a JSON array's items). */
  static String avroRecord(String name, String fields) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + fields + "]}";
  }

  static String avroField(String name, String type) {
    return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
  }

  /** A .proto 3 file of one message {@code M} with the body given. */
  static String proto(String messageBody) {
    return "syntax = \"proto3\";\npackage hostile;\n\nmessage M {\n" + messageBody + "\n}\n";
  }
}
