package dev.stele.format.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import dev.stele.format.protobuf.model.Proto.Option;
import dev.stele.format.protobuf.model.Proto.OptionKind;
import dev.stele.format.protobuf.model.Proto.Primitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confluent's {@code confluent.Meta} option ({@code confluent/meta.proto}: doc, params, tags, the
 * extension number 1088 on every kind of options message), read from and written to descriptors
 * by hand: it is the one custom option that survives Confluent's descriptor round trip, and
 * encoding it directly spares us generated code for a three-field message.
 */
final class MetaOptions {
  static final int EXTENSION_NUMBER = 1088;
  private static final int DOC = 1;
  private static final int PARAMS = 2;
  private static final int TAGS = 3;

  private MetaOptions() {}

  /** Adds the meta option (already merged by name) to a descriptor options builder. */
  static void encode(Option meta, Message.Builder builder) {
    if (meta == null || !(meta.value() instanceof Map<?, ?> map)) {
      return;
    }
    String doc = text(map.get("doc"));
    Map<String, String> params = params(map.get("params"));
    List<String> tags = texts(map.get("tags"));
    if ((doc == null || doc.isEmpty()) && params.isEmpty() && tags.isEmpty()) {
      return;
    }
    ByteString bytes = write(out -> {
      if (doc != null && !doc.isEmpty()) {
        out.writeString(DOC, doc);
      }
      for (Map.Entry<String, String> e : params.entrySet()) {
        out.writeBytes(PARAMS, write(entry -> {
          entry.writeString(1, e.getKey());
          entry.writeString(2, e.getValue());
        }));
      }
      for (String tag : tags) {
        out.writeString(TAGS, tag);
      }
    });
    builder.setUnknownFields(UnknownFieldSet.newBuilder(builder.getUnknownFields())
        .addField(EXTENSION_NUMBER, UnknownFieldSet.Field.newBuilder()
            .addLengthDelimited(bytes).build())
        .build());
  }

  /**
   * The meta option a descriptor's options carry, as Confluent writes it back into text
   * ({@code doc}, then {@code params} as key/value pairs, then {@code tags}), or null.
   */
  static Option decode(String name, Message options) {
    UnknownFieldSet.Field field = options.getUnknownFields().getField(EXTENSION_NUMBER);
    if (field == null || field.getLengthDelimitedList().isEmpty()) {
      return null;
    }
    StringBuilder doc = new StringBuilder();
    Map<String, String> params = new LinkedHashMap<>();
    List<String> tags = new ArrayList<>();
    try {
      for (ByteString bytes : field.getLengthDelimitedList()) {
        read(bytes, doc, params, tags);
      }
    } catch (IOException e) {
      return null; // not a Meta after all: Confluent would not see one either
    }
    Map<String, Object> map = new LinkedHashMap<>();
    if (doc.length() > 0) {
      map.put("doc", doc.toString());
    }
    if (!params.isEmpty()) {
      List<Object> pairs = new ArrayList<>();
      params.forEach((key, value) -> pairs.add(pair(key, value)));
      map.put("params", List.copyOf(pairs));
    }
    if (!tags.isEmpty()) {
      map.put("tags", List.copyOf(tags));
    }
    return map.isEmpty() ? null
        : new Option(name, OptionKind.MAP, Collections.unmodifiableMap(map), true);
  }

  /** Confluent writes the value first for precision and scale, for older readers' sake. */
  private static Map<String, Object> pair(String key, String value) {
    Map<String, Object> pair = new LinkedHashMap<>();
    if (key.equals("precision") || key.equals("scale")) {
      pair.put("value", value);
      pair.put("key", key);
    } else {
      pair.put("key", key);
      pair.put("value", value);
    }
    return Collections.unmodifiableMap(pair);
  }

  private static void read(ByteString bytes, StringBuilder doc, Map<String, String> params,
      List<String> tags) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case DOC -> {
          doc.setLength(0); // the last one wins, as protobuf merges a repeated singular field
          doc.append(in.readStringRequireUtf8());
        }
        case PARAMS -> readEntry(in.readBytes(), params);
        case TAGS -> tags.add(in.readStringRequireUtf8());
        default -> in.skipField(tag);
      }
    }
  }

  private static void readEntry(ByteString bytes, Map<String, String> params) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    String key = "";
    String value = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 1 -> key = in.readStringRequireUtf8();
        case 2 -> value = in.readStringRequireUtf8();
        default -> in.skipField(tag);
      }
    }
    params.put(key, value);
  }

  private static Map<String, String> params(Object value) {
    Map<String, String> params = new LinkedHashMap<>();
    List<?> entries = value instanceof List<?> list ? list
        : value == null ? List.of() : List.of(value);
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> pair && pair.containsKey("key")) {
        params.put(text(pair.get("key")), String.valueOf(text(pair.get("value"))));
      }
    }
    return params;
  }

  private static List<String> texts(Object value) {
    if (value == null) {
      return List.of();
    }
    List<?> values = value instanceof List<?> list ? list : List.of(value);
    return values.stream().map(MetaOptions::text).toList();
  }

  private static String text(Object value) {
    return value instanceof Primitive p ? p.value() : value == null ? null : value.toString();
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static ByteString write(Writer writer) {
    try {
      ByteString.Output bytes = ByteString.newOutput();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      writer.write(out);
      out.flush();
      return bytes.toByteString();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
  }
}
