package dev.stele.acceptance;

import static dev.stele.acceptance.HostileCase.register;
import static dev.stele.acceptance.HostileText.avroField;
import static dev.stele.acceptance.HostileText.avroRecord;
import static dev.stele.acceptance.HostileText.list;
import static dev.stele.acceptance.HostileText.nested;
import static dev.stele.acceptance.HostileText.proto;
import static dev.stele.acceptance.HostileText.quoted;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The schema texts of the hostile-input corpus, one group per format. A shape over a limit of
 * README's "Limits" is 42201 naming the setting; a text over {@code stele.schema.max.bytes} is
 * 42209; anything the format refuses is 42201, as the Confluent registry answers it.
 */
final class HostileSchemaCases {
  private static final String LIMIT = "the setting stele.schema.max.";

  private HostileSchemaCases() {}

  static List<HostileCase> all() {
    List<HostileCase> cases = new ArrayList<>();
    avro(cases);
    jsonSchema(cases);
    protobuf(cases);
    return cases;
  }

  private static void avro(List<HostileCase> c) {
    String g = "avro";
    c.add(avro("union of 10,001 fixed", () -> avroRecord("R", avroField("u", "["
        + list(10_001, ",", i -> "{\"type\":\"fixed\",\"name\":\"F" + i + "\",\"size\":1}")
        + "]")), 42201).saying("a union of 10001 branches (at most 700) at /fields/0/type"));
    c.add(avro("union of 701 records", () -> "["
        + list(701, ",", i -> avroRecord("R" + i, "")) + "]", 42201)
        .saying(LIMIT + "union.branches"));
    c.add(avro("arrays nested 10,000 deep", () -> nested(10_000,
        "{\"type\":\"array\",\"items\":", "\"int\"", "}"), 42201)
        .saying(LIMIT + "json.depth"));
    c.add(avro("maps nested 201 deep", () -> nested(201,
        "{\"type\":\"map\",\"values\":", "\"int\"", "}"), 42201).saying(LIMIT + "json.depth"));
    c.add(avro("records nested 1,000 deep", () -> nested(1000,
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":", "\"int\"",
        "}]}"), 42201).saying(LIMIT + "json.depth"));
    c.add(avro("200,000 enum symbols", () -> "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":["
        + list(200_000, ",", i -> quoted("S" + Integer.toHexString(i))) + "]}", 42209)
        .saying("the limit is 1048576"));
    c.add(avro("100,001 enum symbols", () -> "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":["
        + list(100_001, ",", i -> quoted("S" + Integer.toHexString(i))) + "]}", 42201)
        .saying("an enum of 100001 symbols (at most 100000) at /symbols"));
    c.add(avro("20,000 fields", () -> avroRecord("R",
        list(20_000, ",", i -> avroField("f" + i, "\"int\""))), 42201)
        .saying("a record of 20000 fields (at most 10000) at /fields"));
    c.add(avro("self-recursive record with a self default", () -> avroRecord("R",
        "{\"name\":\"next\",\"type\":[\"null\",\"R\"],\"default\":{}}"), 42201));
    c.add(avro("recursive record through an undefined name", () -> avroRecord("R",
        avroField("next", "[\"null\",\"S\"]")), 42201));
    c.add(avro("int default a string", () -> avroRecord("R",
        "{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}"), 42201));
    c.add(avro("record default an array", () -> avroRecord("R",
        "{\"name\":\"a\",\"type\":" + avroRecord("S", avroField("b", "\"int\""))
            + ",\"default\":[1]}"), 42201));
    c.add(avro("enum default not a symbol", () ->
        "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"],\"default\":\"B\"}", 42201));
    c.add(avro("name of 1,500,000 characters", () -> avroRecord("N".repeat(1_500_000), ""),
        42209));
    c.add(avro("schema of 2 MB of blanks", () -> " ".repeat(2_000_000) + "\"int\"", 42209));
    for (String name : new String[] {"na-me", "1abc", "a b", "a+b", "", "a\\u0000b",
        "x;DROP TABLE"}) {
      c.add(avro("record named [" + name + "]", () -> avroRecord(name, ""), 42201));
    }
    c.add(avro("field named a-b", () -> avroRecord("R", avroField("a-b", "\"int\"")), 42201));
    c.add(avro("duplicate field names", () -> avroRecord("R",
        avroField("a", "\"int\"") + "," + avroField("a", "\"int\"")), 42201));
    c.add(avro("union of unions", () -> "[\"null\",[\"int\",\"string\"]]", 42201));
    c.add(avro("unions of unions 150 deep", () -> nested(150, "[\"null\",", "\"int\"", "]"),
        42201));
    c.add(avro("duplicate union branches", () -> "[\"int\",\"int\"]", 42201));
    c.add(avro("duplicate enum symbols", () ->
        "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}", 42201));
    c.add(avro("fixed of size -1", () -> "{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}",
        42201));
    c.add(avro("record redefined inside itself", () -> avroRecord("R",
        avroField("a", avroRecord("R", ""))), 42201));
    c.add(avro("record without fields", () -> "{\"type\":\"record\",\"name\":\"R\"}", 42201));
    c.add(avro("array without items", () -> "{\"type\":\"array\"}", 42201));
    c.add(avro("not JSON", () -> "{", 42201));
    c.add(avro("a number", () -> "5", 42201));
    c.add(avro("an empty text", () -> "", 42201).saying("Empty schema"));
    c.add(register(g, "schema type XML", "XML", () -> "\"int\"", 422, 42201)
        .saying("Invalid schema type XML"));
  }

  private static void jsonSchema(List<HostileCase> c) {
    c.add(json("$ref chain of 5,000 to a missing definition", () -> "{\"definitions\":{"
        + list(5000, ",", i -> "\"d" + i + "\":{\"$ref\":\"#/definitions/d" + (i + 1) + "\"}")
        + "},\"$ref\":\"#/definitions/d0\"}", 42201));
    c.add(json("$ref cycle of 64 definitions", () -> "{\"definitions\":{"
        + list(64, ",", i -> "\"d" + i + "\":{\"$ref\":\"#/definitions/d" + ((i + 1) % 64)
            + "\"}") + "},\"$ref\":\"#/definitions/d0\"}", 42201));
    c.add(json("$ref to itself", () -> "{\"$ref\":\"#\"}", 42201));
    c.add(json("definition referring to itself", () ->
        "{\"definitions\":{\"a\":{\"$ref\":\"#/definitions/a\"}},\"$ref\":\"#/definitions/a\"}",
        42201));
    c.add(json("$ref to a remote URL", () -> "{\"$ref\":\"http://10.255.255.1/x.json\"}",
        42201));
    c.add(json("$ref to a local file", () -> "{\"$ref\":\"file:///etc/passwd\"}", 42201));
    c.add(json("anyOf of 5,000", () -> "{\"anyOf\":["
        + list(5000, ",", i -> "{\"type\":\"string\",\"minLength\":" + i + "}") + "]}", 42201)
        .saying("anyOf of 5000 subschemas (at most 1000) at /anyOf"));
    c.add(json("allOf of 1,001", () -> "{\"allOf\":["
        + list(1001, ",", i -> "{\"minimum\":" + i + "}") + "]}", 42201)
        .saying(LIMIT + "combinator.width"));
    c.add(json("oneOf of 1,001 nested in anyOf", () -> "{\"anyOf\":[{\"oneOf\":["
        + list(1001, ",", i -> "{\"const\":" + i + "}") + "]}]}", 42201)
        .saying(LIMIT + "combinator.width"));
    c.add(json("enum of 200,000", () -> "{\"enum\":[" + list(200_000, ",", String::valueOf)
        + "]}", 42209));
    c.add(json("enum of 100,001", () -> "{\"enum\":[" + list(100_001, ",", String::valueOf)
        + "]}", 42201).saying("an enum of 100001 values (at most 100000) at /enum"));
    c.add(json("20,000 properties", () -> "{\"type\":\"object\",\"properties\":{"
        + list(20_000, ",", i -> "\"p" + i + "\":{\"type\":\"string\"}") + "}}", 42201)
        .saying(LIMIT + "fields"));
    c.add(json("objects nested 10,000 deep", () -> nested(10_000,
        "{\"type\":\"object\",\"properties\":{\"p\":", "{\"type\":\"string\"}", "}}"), 42201)
        .saying(LIMIT + "json.depth"));
    c.add(json("arrays nested 100,000 deep", () -> nested(100_000, "[", "1", "]"), 42201)
        .saying(LIMIT + "json.depth"));
    c.add(json("not JSON", () -> "this is not json", 42201));
    c.add(json("truncated", () -> "{\"type\":\"object\",\"properties\":{", 42201));
    c.add(json("unknown type", () -> "{\"type\":\"foo\"}", 42201));
    c.add(json("invalid regular expression", () -> "{\"type\":\"string\",\"pattern\":\"(\"}",
        42201));
    c.add(json("negative minLength", () -> "{\"type\":\"string\",\"minLength\":-1}", 42201));
    c.add(json("properties a number", () -> "{\"type\":\"object\",\"properties\":5}", 42201));
    c.add(json("required a string", () -> "{\"type\":\"object\",\"required\":\"a\"}", 42201));
  }

  private static void protobuf(List<HostileCase> c) {
    c.add(proto3("field number 0", "int32 a = 0;"));
    c.add(proto3("field number 19000", "int32 a = 19000;"));
    c.add(proto3("field number 19999", "int32 a = 19999;"));
    c.add(proto3("field number 2^29", "int32 a = 536870912;"));
    c.add(proto3("field number -1", "int32 a = -1;"));
    c.add(proto3("field number 10^20", "int32 a = 100000000000000000000;"));
    c.add(proto3("duplicate field numbers", "int32 a = 1;\nint32 b = 1;"));
    c.add(proto3("duplicate numbers in a oneof", "oneof o { int32 a = 1; int32 b = 1; }"));
    c.add(proto3("reserved number used", "reserved 5;\nint32 a = 5;"));
    c.add(proto3("unknown field type", "Nope a = 1;"));
    c.add(protobuf("messages nested 200 deep", () -> proto(nested(200, "message N {\n",
        "int32 x = 1;", "}\n")), 42201).saying(LIMIT + "protobuf.depth"));
    c.add(protobuf("option value nested 150 deep", () -> proto("int32 a = 1 [(x) = "
        + nested(150, "{ a: ", "1", " }") + "];"), 42201).saying(LIMIT + "protobuf.depth"));
    c.add(protobuf("enum of 200,000 values", () -> "syntax = \"proto3\";\nenum E {\n"
        + list(200_000, "\n", i -> "  V" + i + " = " + i + ";") + "\n}\n", 42209));
    c.add(protobuf("syntax garbage", () -> "syntax = garbage ;;; {{{", 42201));
    c.add(protobuf("symbols only", () -> "@#$%^&*()", 42201));
    c.add(protobuf("syntax proto4", () -> "syntax = \"proto4\";\nmessage M { int32 a = 1; }",
        42201));
    c.add(protobuf("import of a missing file", () -> "syntax = \"proto3\";\n"
        + "import \"missing.proto\";\nmessage M { Missing a = 1; }", 42201));
    c.add(protobuf("unterminated string", () -> "syntax = \"proto3\";\n"
        + "option java_package = \"abc;\nmessage M {}", 42201));
    c.add(protobuf("unterminated comment",
        () -> "syntax = \"proto3\";\n/* never ends\nmessage M {}", 42201));
    c.add(protobuf("unclosed message", () -> "syntax = \"proto3\";\nmessage M { int32 a = 1;",
        42201));
    c.add(protobuf("NUL in a name", () -> "syntax = \"proto3\";\nmessage M\u0000 { }", 42201));
    c.add(protobuf("empty text", () -> "", 42201).saying("Empty schema"));
  }

  private static HostileCase avro(String name, Supplier<String> schema,
      int code) {
    return register("avro", name, null, schema, 422, code);
  }

  private static HostileCase json(String name, Supplier<String> schema,
      int code) {
    return register("json", name, "JSON", schema, 422, code);
  }

  private static HostileCase protobuf(String name, Supplier<String> schema,
      int code) {
    return register("protobuf", name, "PROTOBUF", schema, 422, code);
  }

  private static HostileCase proto3(String name, String messageBody) {
    return protobuf(name, () -> proto(messageBody), 42201);
  }
}
