package dev.stele.acceptance;

import static dev.stele.acceptance.HostileCase.of;
import static dev.stele.acceptance.HostileCase.registration;
import static dev.stele.acceptance.HostileText.list;
import static dev.stele.acceptance.HostileText.nested;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The requests of the hostile-input corpus around the schema text: references, subjects, versions
 * and HTTP itself. Codes are the Confluent registry's (API.md §1.2) and README's "Limits".
 */
final class HostileRequestCases {
  /** A subject the test registers before the cases run (one version, an Avro record). */
  static final String KNOWN = "hostile-known-value";
  /** The test registers CHAIN + 0 ... CHAIN + LINKS, each referring to the one before. */
  static final String CHAIN = "hostile-chain-";
  static final int LINKS = 64;
  /** The test registers a union of 700 fixed types F0..F699 (the default branch limit) here. */
  static final String WIDE = "hostile-wide-union-value";
  /** The test registers a union of 700 records F0..F699 here. */
  static final String WIDE_RECORDS = "hostile-wide-record-union-value";
  private static final String INT = registration("\"int\"", null, null);

  private HostileRequestCases() {}

  static List<HostileCase> all() {
    List<HostileCase> cases = new ArrayList<>();
    references(cases);
    subjects(cases);
    versions(cases);
    http(cases);
    return cases;
  }

  private static void references(List<HostileCase> c) {
    c.add(ref("missing subject", "[{\"name\":\"a\",\"subject\":\"hostile-nope\",\"version\":1}]",
        422, 42201).saying("No schema reference found"));
    c.add(ref("version 0", "[{\"name\":\"a\",\"subject\":\"" + KNOWN + "\",\"version\":0}]",
        422, 42201).saying("the version must be"));
    c.add(ref("version -2", "[{\"name\":\"a\",\"subject\":\"" + KNOWN + "\",\"version\":-2}]",
        422, 42201).saying("the version must be"));
    c.add(ref("version 2^31", "[{\"name\":\"a\",\"subject\":\"" + KNOWN
        + "\",\"version\":2147483648}]", 400, 400));
    c.add(ref("version 2^31-1, absent", "[{\"name\":\"a\",\"subject\":\"" + KNOWN
        + "\",\"version\":2147483647}]", 422, 42201));
    c.add(ref("version a string", "[{\"name\":\"a\",\"subject\":\"" + KNOWN
        + "\",\"version\":\"latest\"}]", 400, 400));
    c.add(ref("without a name", "[{\"subject\":\"" + KNOWN + "\",\"version\":1}]", 422, 42201));
    c.add(ref("without a subject", "[{\"name\":\"a\",\"version\":1}]", 422, 42201));
    c.add(ref("not an array", "{\"name\":\"a\"}", 400, 400));
    c.add(ref("10,000 to missing subjects", "[" + list(10_000, ",",
        i -> "{\"name\":\"n" + i + "\",\"subject\":\"hostile-nope-" + i + "\",\"version\":1}")
        + "]", 422, 42201));
    String self = HostileCase.subject("references", "to its own subject");
    c.add(of("references", "to its own subject", "POST", "/subjects/" + self + "/versions",
        () -> registration("\"int\"", null,
            "[{\"name\":\"a\",\"subject\":\"" + self + "\",\"version\":1}]"), 422, 42201));
    c.add(of("references", "a chain " + (LINKS + 1) + " deep", "POST",
        "/subjects/" + CHAIN + (LINKS + 1) + "/versions", () -> chainLink(LINKS + 1), 422, 42201)
        .saying("the setting stele.schema.max.reference.depth"));
  }

  /**
   * The registration of link {@code k} of the reference chain: an Avro record with a field of
   * the type of link {@code k - 1}, which it refers to (link 0 refers to nothing).
   */
  static String chainLink(int k) {
    String fields = k == 0 ? "" : HostileText.avroField("prev", "\"hostile.Chain" + (k - 1) + "\"");
    String schema = "{\"type\":\"record\",\"namespace\":\"hostile\",\"name\":\"Chain" + k
        + "\",\"fields\":[" + fields + "]}";
    return registration(schema, null, k == 0 ? null : "[{\"name\":\"hostile.Chain" + (k - 1)
        + "\",\"subject\":\"" + CHAIN + (k - 1) + "\",\"version\":1}]");
  }

  private static void subjects(List<HostileCase> c) {
    for (String encoded : new String[] {"a%00b", "a%01b", "a%1Fb", "a%7Fb", "a%0Ab", "%C2%85",
        "a%0D%0AX-Injected:%201"}) {
      c.add(of("subjects", "register under " + encoded, "POST", "/subjects/" + encoded
          + "/versions", () -> INT, 422, 42208));
    }
    for (String reserved : new String[] {"__GLOBAL", "__EMPTY", ":.__GLOBAL:x", ":.x:%00"}) {
      c.add(of("subjects", "register under " + reserved, "POST", "/subjects/" + reserved
          + "/versions", () -> INT, 422, 42208));
    }
    c.add(of("subjects", "config of a%00", "PUT", "/config/a%00",
        () -> "{\"compatibility\":\"NONE\"}", 422, 42208));
    c.add(of("subjects", "mode of a%00", "PUT", "/mode/a%00",
        () -> "{\"mode\":\"READONLY\"}", 422, 42208));
    c.add(of("subjects", "lookup under a%00", "POST", "/subjects/a%00", () -> INT, 404, 40401));
    c.add(of("subjects", "name of 10 KB", "POST", "/subjects/" + "s".repeat(10_240)
        + "/versions", () -> INT, 414, 414));
    for (String bad : new String[] {"a%zzb", "a%", "a%2", "%C0"}) {
      // %C0 is half a UTF-8 sequence: not a malformed escape, so it decodes to U+FFFD and is
      // served; it is here for what the others are, requests the path decoder must survive.
      boolean malformed = !bad.equals("%C0");
      c.add(of("subjects", "percent-encoding " + bad, "GET", "/subjects/" + bad + "/versions",
          null, malformed ? 400 : 404, malformed ? 400 : 40401));
    }
    c.add(of("subjects", "context with a colon", "GET", "/contexts/:bad:/subjects", null,
        400, 400));
    c.add(of("subjects", "unknown context's subject", "GET",
        "/subjects/:.hostile-nowhere:s/versions", null, 404, 40401));
  }

  /** A record whose field {@code u} is a union of 700 fixed types named prefix0 ... prefix699. */
  static String wideUnion(String prefix) {
    return HostileText.avroRecord("W", HostileText.avroField("u", "[" + HostileText.list(700, ",",
        i -> "{\"type\":\"fixed\",\"name\":\"" + prefix + i + "\",\"size\":1}") + "]"));
  }

  /** The same with 700 records of one field (a union), named prefix0 ... prefix699. */
  static String wideRecordUnion(String prefix) {
    return wideUnion(prefix).replace("\"type\":\"fixed\"", "\"type\":\"record\"")
        .replace("\"size\":1", "\"fields\":[{\"name\":\"x\",\"type\":[\"null\",\"int\"]}]");
  }

  private static void versions(List<HostileCase> c) {
    // Avro's checker alone would compare each of 490,000 pairs of branches, for a second and
    // some 150 MB; matched by name, a fixed branch is compared with none: the verdict at once.
    c.add(of("versions", "next version: 700 other union branches", "POST",
        "/subjects/" + WIDE + "/versions", () -> registration(wideUnion("G"), null, null), 409, 409)
        .saying("MISSING_UNION_BRANCH"));
    // Records holding a union or a named type are compared with every record branch (Avro walks
    // their fields whatever their names): 490,000 pairs and more, refused at once by the count.
    c.add(of("versions", "next version: 700 other record branches", "POST",
        "/subjects/" + WIDE_RECORDS + "/versions",
        () -> registration(wideRecordUnion("G"), null, null), 409, 409)
        .saying("more than 250000 comparisons of types"));
    for (String v : new String[] {"-5", "0", "-2", "2147483648", "99999999999999999999",
        "latest2", "1.0", "1e3", "0x1", "%20", "lat%00est"}) {
      c.add(of("versions", "GET version " + v, "GET", "/subjects/" + KNOWN + "/versions/" + v,
          null, 422, 42202));
    }
    c.add(of("versions", "GET version 2^31-1", "GET", "/subjects/" + KNOWN
        + "/versions/2147483647", null, 404, 40402));
    c.add(of("versions", "schema of version -5", "GET", "/subjects/" + KNOWN
        + "/versions/-5/schema", null, 422, 42202));
    c.add(of("versions", "referencedby of version 0", "GET", "/subjects/" + KNOWN
        + "/versions/0/referencedby", null, 422, 42202));
    c.add(of("versions", "DELETE version 0", "DELETE", "/subjects/" + KNOWN + "/versions/0",
        null, 422, 42202));
    c.add(of("versions", "compatibility against version -5", "POST",
        "/compatibility/subjects/" + KNOWN + "/versions/-5", () -> INT, 422, 42202));
    c.add(of("versions", "schema id 0", "GET", "/schemas/ids/0", null, 404, 40403));
    c.add(of("versions", "schema id -1", "GET", "/schemas/ids/-1", null, 404, 40403));
    c.add(of("versions", "schema id 2^40", "GET", "/schemas/ids/1099511627776", null, 404, 404));
  }

  private static void http(List<HostileCase> c) {
    String path = "/subjects/hostile-http-value/versions";
    c.add(of("http", "text/plain body", "POST", path, () -> INT, 415, 415)
        .withContentType("text/plain"));
    c.add(of("http", "XML body", "POST", path, () -> "<schema/>", 415, 415)
        .withContentType("application/xml"));
    c.add(of("http", "form body", "POST", path, () -> "schema=int", 415, 415)
        .withContentType("application/x-www-form-urlencoded"));
    c.add(of("http", "truncated JSON", "POST", path, () -> "{\"schema\":\"\\\"int\\\"", 400, 400)
        .saying("not JSON"));
    c.add(of("http", "JSON array", "POST", path, () -> "[" + INT + "]", 400, 400));
    c.add(of("http", "JSON string", "POST", path, () -> "\"int\"", 400, 400));
    c.add(of("http", "schema an object", "POST", path,
        () -> "{\"schema\":{\"type\":\"int\"}}", 400, 400));
    c.add(of("http", "body nested 1,001 deep", "POST", path, () -> "{\"schema\":\"\\\"int\\\"\","
        + "\"x\":" + nested(1001, "[", "", "]") + "}", 400, 400).saying("deeper than 1000"));
    c.add(of("http", "body nested 100,000 deep", "POST", path,
        () -> nested(100_000, "{\"a\":", "1", "}"), 400, 400));
    c.add(of("http", "duplicate keys, the last one not JSON", "POST", path,
        () -> "{\"schema\":\"\\\"int\\\"\",\"schema\":\"{\"}", 422, 42201));
    c.add(of("http", "duplicate keys, the last type XML", "POST", path,
        () -> "{\"schema\":\"\\\"int\\\"\",\"schemaType\":\"AVRO\",\"schemaType\":\"XML\"}", 422,
        42201).saying("Invalid schema type XML"));
    c.add(of("http", "invalid UTF-8", "POST", path, null, 400, 400).withRawBody(
        () -> "{\"schema\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1)));
    c.add(of("http", "empty body", "POST", path, () -> "", 422, 422));
    c.add(of("http", "null body", "POST", path, () -> "null", 422, 422));
    c.add(of("http", "body of 9 MB", "POST", path, big(9 << 20), 413, 413));
    c.add(of("http", "headers of 10 KB", "GET", "/subjects", null, 431, 431)
        .withHeaderBytes(10_240));
    c.add(of("http", "PATCH", "PATCH", "/subjects", () -> "{}", 405, 405));
    c.add(of("http", "unknown path", "GET", "/hostile/nowhere", null, 404, 404));
    c.add(of("http", "compatibility level SUPER", "PUT", "/config",
        () -> "{\"compatibility\":\"SUPER\"}", 422, 42203));
    c.add(of("http", "config body an array", "PUT", "/config", () -> "[]", 400, 400));
    c.add(of("http", "mode X", "PUT", "/mode", () -> "{\"mode\":\"X\"}", 422, 42204));
  }

  private static HostileCase ref(String name, String references, int status, int code) {
    return of("references", name, "POST", "/subjects/" + HostileCase.subject("references", name)
        + "/versions", () -> registration("\"int\"", null, references), status, code);
  }

  /** A registration whose body is {@code bytes} long: a valid schema, padded with blanks. */
  private static Supplier<String> big(int bytes) {
    return () -> INT.substring(0, INT.length() - 1) + " ".repeat(bytes) + "}";
  }
}
