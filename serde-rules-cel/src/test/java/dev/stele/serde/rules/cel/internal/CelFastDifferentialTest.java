package dev.stele.serde.rules.cel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.stele.serde.avro.internal.AvroModel;
import dev.stele.serde.jsonschema.internal.JsonModel;
import dev.stele.serde.protobuf.internal.ProtobufModel;
import dev.stele.serde.rules.MessageModel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * The fast path against dev.cel: random expressions over the fast path's subset (and a little
 * outside it) on random Avro records, Protobuf messages and JSON objects, edge values included
 * (int64 min and max, 2^53 + 1, NaN, -0.0, infinities, surrogate pairs, nulls, missing fields).
 * Wherever the fast path answers, its answer must be dev.cel's; the whole evaluator (fast path,
 * dev.cel when unsure) must give dev.cel's value or dev.cel's very error. Deterministic seed.
 */
class CelFastDifferentialTest {
  private static final long[] LONGS = {0, 1, -1, 5, 127, 128, -128, Long.MAX_VALUE, Long.MIN_VALUE,
      1L << 53, (1L << 53) + 1, -(1L << 53) - 1, 1_000_000_007};
  private static final double[] DOUBLES = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 2.5, -1.5, 5.0, 1e300, -1e-300, 9.223372036854775807E18, 9007199254740993.0,
      Double.MIN_VALUE, 127.0, 0.1};
  private static final String[] STRINGS = {"", "a", "abc", "ab", "ABC", "é", "\uD83D\uDE00", "\uE000",
      "a\uD83D\uDE00b", "null", "5", "abc\u0000"};
  private static final String[] INT_LITERALS = {"0", "1", "-1", "5", "127", "128", "9223372036854775807",
      "-9223372036854775807", "9007199254740993", "1000000007"};
  private static final String[] DOUBLE_LITERALS = {"0.0", "-0.0", "2.5", "-1.5", "5.0", "1e300", "127.0",
      "9223372036854775807.0", "9007199254740992.0", "0.1"};
  private static final String[] STRING_LITERALS = {"''", "'a'", "'abc'", "'ab'", "'é'", "'\uD83D\uDE00'",
      "'\uE000'", "'b'", "'null'"};

  private static final Schema SUB = Schema.createRecord("Sub", null, "t", false, List.of(
      new Schema.Field("x", Schema.create(Schema.Type.LONG)), new Schema.Field("y", Schema.create(Schema.Type.STRING))));
  private static final Schema AVRO = Schema.createRecord("R", null, "t", false, List.of(
      new Schema.Field("i", Schema.create(Schema.Type.LONG)), new Schema.Field("j", Schema.create(Schema.Type.INT)),
      new Schema.Field("d", Schema.create(Schema.Type.DOUBLE)), new Schema.Field("f", Schema.create(Schema.Type.FLOAT)),
      new Schema.Field("s", Schema.create(Schema.Type.STRING)), new Schema.Field("t", Schema.create(Schema.Type.STRING)),
      new Schema.Field("b", Schema.create(Schema.Type.BOOLEAN)),
      new Schema.Field("n", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING))),
      new Schema.Field("by", Schema.create(Schema.Type.BYTES)), new Schema.Field("sub", SUB),
      new Schema.Field("arr", Schema.createArray(Schema.create(Schema.Type.LONG))),
      new Schema.Field("mp", Schema.createMap(Schema.create(Schema.Type.LONG)))));
  private static final Descriptor PROTO = proto();

  private final Random random = new Random(14);
  private final CelPrograms programs = CelPrograms.forMessages();
  private int fastAnswers;
  private int cases;

  @Test
  void theFastPathAnswersAsDevCelDoesOnEveryFormat() throws Exception {
    List<Object[]> records = new ArrayList<>();
    for (int r = 0; r < 20; r++) {
      Values v = new Values(random);
      records.add(new Object[] {new AvroModel(AVRO), avro(v)});
      records.add(new Object[] {new ProtobufModel(), protobuf(v)});
      records.add(new Object[] {new JsonModel(JsonNodeFactory.instance.objectNode()), json(v)});
    }
    int compiled = 0;
    int inSubset = 0;
    for (int e = 0; e < 1000; e++) {
      String expression = bool(3);
      try {
        programs.compiled(expression);
      } catch (IllegalArgumentException typeError) {
        continue;
      }
      compiled++;
      inSubset += programs.compiled(expression).fast() != null ? 1 : 0;
      for (Object[] record : records) {
        check(expression, (MessageModel) record[0], record[1]);
      }
    }
    // The comparison must have had something to compare: most expressions compile, most of those
    // are in the subset, and the fast path itself answered most cases.
    assertThat(compiled).isGreaterThan(600);
    assertThat(inSubset).isGreaterThan(compiled * 3 / 4);
    assertThat(cases).isGreaterThan(36_000);
    assertThat(fastAnswers).isGreaterThan(cases / 3);
  }

  private void check(String expression, MessageModel model, Object record) throws Exception {
    Object bound = CelValues.toCel(model.toPlain(record));
    Variables variables = name -> "message".equals(name) ? bound : null;
    Object expected;
    String error = null;
    try {
      expected = programs.evalCel(expression, variables);
    } catch (Exception e) {
      expected = null;
      error = e.getClass().getName() + ": " + e.getMessage();
    }
    cases++;
    String where = expression + " on " + model.format() + " " + record;
    Object fast = programs.evalFast(expression, variables);
    if (fast != null && fast != FastExpr.UNSURE) {
      fastAnswers++;
      assertThat(error).as("dev.cel fails where the fast path answers %s: %s", fast, where).isNull();
      assertThat(fast).as(where).isEqualTo(expected);
      assertThat(fast.getClass()).as(where).isEqualTo(expected.getClass());
    }
    Object answer;
    String answerError = null;
    try {
      answer = programs.eval(expression, variables);
    } catch (Exception e) {
      answer = null;
      answerError = e.getClass().getName() + ": " + e.getMessage();
    }
    assertThat(answerError).as(where).isEqualTo(error);
    assertThat(Objects.equals(answer, expected)).as(where + ": " + answer + " vs " + expected).isTrue();
  }

  /** One record's values, shared by its three formats; some fields left out of JSON, some null. */
  private static final class Values {
    final long i;
    final int j;
    final double d;
    final float f;
    final String s;
    final String t;
    final boolean b;
    final String n;
    final byte[] by;
    final long x;
    final String y;
    final List<Long> arr = new ArrayList<>();
    final Map<String, Long> mp = new LinkedHashMap<>();
    final boolean[] missingInJson = new boolean[12];

    Values(Random random) {
      i = LONGS[random.nextInt(LONGS.length)];
      j = (int) LONGS[random.nextInt(LONGS.length)];
      d = DOUBLES[random.nextInt(DOUBLES.length)];
      f = (float) DOUBLES[random.nextInt(DOUBLES.length)];
      s = STRINGS[random.nextInt(STRINGS.length)];
      t = STRINGS[random.nextInt(STRINGS.length)];
      b = random.nextBoolean();
      n = random.nextBoolean() ? null : STRINGS[random.nextInt(STRINGS.length)];
      by = random.nextBoolean() ? new byte[] {1} : new byte[0];
      x = LONGS[random.nextInt(LONGS.length)];
      y = STRINGS[random.nextInt(STRINGS.length)];
      for (int k = random.nextInt(4); k > 0; k--) {
        arr.add(LONGS[random.nextInt(LONGS.length)]);
        mp.put(k == 1 ? "k" : "k" + k, LONGS[random.nextInt(LONGS.length)]);
      }
      for (int k = 0; k < missingInJson.length; k++) {
        missingInJson[k] = random.nextInt(6) == 0;
      }
    }
  }

  private static GenericRecord avro(Values v) {
    GenericRecord sub = new GenericData.Record(SUB);
    sub.put("x", v.x);
    sub.put("y", v.y);
    GenericRecord record = new GenericData.Record(AVRO);
    record.put("i", v.i);
    record.put("j", v.j);
    record.put("d", v.d);
    record.put("f", v.f);
    record.put("s", new org.apache.avro.util.Utf8(v.s));
    record.put("t", v.t);
    record.put("b", v.b);
    record.put("n", v.n);
    record.put("by", ByteBuffer.wrap(v.by));
    record.put("sub", sub);
    record.put("arr", v.arr);
    record.put("mp", v.mp);
    return record;
  }

  private static DynamicMessage protobuf(Values v) {
    Descriptor sub = PROTO.findFieldByName("sub").getMessageType();
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(PROTO)
        .setField(PROTO.findFieldByName("i"), v.i).setField(PROTO.findFieldByName("j"), v.j)
        .setField(PROTO.findFieldByName("d"), v.d).setField(PROTO.findFieldByName("f"), v.f)
        .setField(PROTO.findFieldByName("s"), v.s).setField(PROTO.findFieldByName("t"), v.t)
        .setField(PROTO.findFieldByName("b"), v.b).setField(PROTO.findFieldByName("by"), ByteString.copyFrom(v.by))
        .setField(PROTO.findFieldByName("sub"), DynamicMessage.newBuilder(sub)
            .setField(sub.findFieldByName("x"), v.x).setField(sub.findFieldByName("y"), v.y).build());
    if (v.n != null) {
      builder.setField(PROTO.findFieldByName("n"), v.n);
    }
    for (Long each : v.arr) {
      builder.addRepeatedField(PROTO.findFieldByName("arr"), each);
    }
    return builder.build();
  }

  private static ObjectNode json(Values v) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    int k = 0;
    putUnlessMissing(node, v, k++, "i", n -> n.put("i", v.i));
    putUnlessMissing(node, v, k++, "j", n -> n.put("j", v.j));
    putUnlessMissing(node, v, k++, "d", n -> n.put("d", v.d));
    putUnlessMissing(node, v, k++, "f", n -> n.put("f", v.f));
    putUnlessMissing(node, v, k++, "s", n -> n.put("s", v.s));
    putUnlessMissing(node, v, k++, "t", n -> n.put("t", v.t));
    putUnlessMissing(node, v, k++, "b", n -> n.put("b", v.b));
    putUnlessMissing(node, v, k++, "n", n -> n.put("n", v.n));
    putUnlessMissing(node, v, k++, "by", n -> n.put("by", v.by));
    putUnlessMissing(node, v, k++, "sub", n -> n.putObject("sub").put("x", v.x).put("y", v.y));
    putUnlessMissing(node, v, k++, "arr", n -> v.arr.forEach(n.putArray("arr")::add));
    putUnlessMissing(node, v, k, "mp", n -> {
      ObjectNode map = n.putObject("mp");
      v.mp.forEach(map::put);
    });
    return node;
  }

  private static void putUnlessMissing(ObjectNode node, Values v, int index, String name,
      java.util.function.Consumer<ObjectNode> put) {
    if (!v.missingInJson[index]) {
      put.accept(node);
    }
  }

  private static Descriptor proto() {
    DescriptorProto sub = DescriptorProto.newBuilder().setName("Sub")
        .addField(field("x", 1, Type.TYPE_INT64, Label.LABEL_OPTIONAL))
        .addField(field("y", 2, Type.TYPE_STRING, Label.LABEL_OPTIONAL)).build();
    DescriptorProto message = DescriptorProto.newBuilder().setName("R")
        .addField(field("i", 1, Type.TYPE_INT64, Label.LABEL_OPTIONAL))
        .addField(field("j", 2, Type.TYPE_INT32, Label.LABEL_OPTIONAL))
        .addField(field("d", 3, Type.TYPE_DOUBLE, Label.LABEL_OPTIONAL))
        .addField(field("f", 4, Type.TYPE_FLOAT, Label.LABEL_OPTIONAL))
        .addField(field("s", 5, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
        .addField(field("t", 6, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
        .addField(field("b", 7, Type.TYPE_BOOL, Label.LABEL_OPTIONAL))
        .addField(field("n", 8, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
        .addField(field("by", 9, Type.TYPE_BYTES, Label.LABEL_OPTIONAL))
        .addField(field("sub", 10, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL).setTypeName(".t.Sub"))
        .addField(field("arr", 11, Type.TYPE_INT64, Label.LABEL_REPEATED)).build();
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("t/r.proto").setPackage("t")
        .setSyntax("proto2").addMessageType(sub).addMessageType(message).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("R");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type, Label label) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(label);
  }

  // The expression generator: mostly the fast path's subset, with some of everything else (missing
  // fields, wrong types, arithmetic, uint, macros) so fallbacks and errors are exercised too.

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private String bool(int depth) {
    int choice = random.nextInt(depth <= 0 ? 6 : 13);
    return switch (choice) {
      case 0 -> number(depth - 1) + pick(" < ", " <= ", " > ", " >= ", " == ", " != ") + number(depth - 1);
      case 1 -> string(depth - 1) + pick(" < ", " <= ", " > ", " >= ", " == ", " != ") + string(depth - 1);
      case 2 -> any(depth - 1) + pick(" == ", " != ") + any(depth - 1);
      case 3 -> pick("message.b", "true", "false", "has(message." + field() + ")", "has(message.sub.x)",
          "has(message.mp.k)", "has(message.n.x)", "message.b == true", "message.s", "message.i");
      case 4 -> string(depth - 1) + "." + pick("startsWith", "endsWith", "contains") + "(" + string(depth - 1) + ")";
      case 5 -> any(depth - 1) + " in [" + literal() + ", " + literal() + "]";
      case 6, 7 -> "(" + bool(depth - 1) + pick(" && ", " || ") + bool(depth - 1) + ")";
      case 8 -> "!(" + bool(depth - 1) + ")";
      case 9 -> "(" + bool(depth - 1) + " ? " + bool(depth - 1) + " : " + bool(depth - 1) + ")";
      case 10 -> "message." + field() + pick(" == null", " != null", " > 0", " && true", " || false");
      case 11 -> pick("message.i + 1 > 0", "message.s.matches('^a')", "message.arr.exists(v, v > 1)",
          "message.i < 6u", "message.s.size() == 3", "size(message.by) == 1", "message.by == b'\\x01'",
          "int(message.d) > 1", "message.mp.k == 5", "message.nope == 1", "message.sub.nope == 1");
      default -> "(" + bool(depth - 1) + ")";
    };
  }

  private String number(int depth) {
    int choice = random.nextInt(depth <= 0 ? 4 : 6);
    return switch (choice) {
      case 0 -> "message." + pick("i", "j", "d", "f", "sub.x", "mp.k", "nope", "s", "n");
      case 1 -> pick(INT_LITERALS);
      case 2 -> pick(DOUBLE_LITERALS);
      case 3 -> pick("size(message.s)", "message.t.size()", "size(message.arr)", "size(message.mp)",
          "size(message.n)", "size(message.i)");
      case 4 -> "(" + bool(depth - 1) + " ? " + number(depth - 1) + " : " + number(depth - 1) + ")";
      default -> pick("message.i * 2", "message.d / 2.0", "-message.i", "5u", "message.i - 1");
    };
  }

  private String string(int depth) {
    int choice = random.nextInt(depth <= 0 ? 2 : 3);
    return switch (choice) {
      case 0 -> "message." + pick("s", "t", "n", "sub.y", "i", "nope", "mp.k");
      case 1 -> pick(STRING_LITERALS);
      default -> "(" + bool(depth - 1) + " ? " + string(depth - 1) + " : " + string(depth - 1) + ")";
    };
  }

  private String any(int depth) {
    return switch (random.nextInt(5)) {
      case 0 -> number(depth);
      case 1 -> string(depth);
      case 2 -> pick("null", "message.n", "message.by", "b'\\x01'", "message.b", "true");
      case 3 -> "message." + field();
      default -> literal();
    };
  }

  private String field() {
    return pick("i", "j", "d", "f", "s", "t", "b", "n", "by", "sub", "arr", "mp", "nope");
  }

  private String literal() {
    return switch (random.nextInt(4)) {
      case 0 -> pick(INT_LITERALS);
      case 1 -> pick(DOUBLE_LITERALS);
      case 2 -> pick(STRING_LITERALS);
      default -> pick("null", "true", "false", "b'\\x01'");
    };
  }
}
