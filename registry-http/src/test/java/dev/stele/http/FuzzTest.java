package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand random and malformed requests over every route of the API (../shared/API.md
 * §1.3): bad JSON, bad UTF-8, huge headers and bodies, wrong methods, {@code ..}, {@code %2F},
 * {@code %00}, overlong and non-numeric ids and versions, odd content types, and HTTP that is no
 * HTTP (raw sockets). Every answer must be below 500 and, when an error, Confluent-shaped JSON;
 * the server must still serve normally afterwards, with its heap back near where it started.
 *
 * <p>The seed is printed; {@code -Dstele.fuzz.seed=N} replays a run. Each case draws from its own
 * generator ({@code seed + case number}), so a failing case replays alone too
 * ({@code -Dstele.fuzz.cases} changes the count).
 *
 * <p>Three outcomes other than an answer are accepted, each for one kind of case only: a
 * connection closed without an answer when the bytes never formed a request (garbage, empty
 * lines: the request timeout closes it); Vert.x's own 501 to a protocol version other than
 * HTTP/1.x, sent before any Stele code runs; and an I/O error for a request whose head is over the
 * limits and whose large body the JDK client was still writing when the 414/431 answer came (it
 * reads only after writing; the answer itself is checked in the many cases without a large body).
 */
class FuzzTest extends HttpTestBase {
  private static final int CASES = Integer.getInteger("stele.fuzz.cases", 10_000);
  private static final int BODY_LIMIT = 256 * 1024;
  private static final int SCHEMA_LIMIT = 64 * 1024;
  private static final int TIMEOUT_MILLIS = Integer.getInteger("stele.fuzz.timeout", 250);
  private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;

  private static final String[] ROUTES = {
      "/", "/v1/metadata/id", "/v1/metadata/version", "/v1/metadata/deployment", "/schemas",
      "/schemas/types", "/schemas/guids/{s}/ids", "/associations/resources/{c}/{s}",
      "/dek-registry/v1/keks/{s}", "/exporters/{s}",
      "/schemas/ids/{id}", "/schemas/ids/{id}/schema", "/schemas/ids/{id}/subjects",
      "/schemas/ids/{id}/versions", "/schemas/guids/{s}", "/subjects", "/subjects/{s}",
      "/subjects/{s}/metadata", "/subjects/{s}/versions", "/subjects/{s}/versions/{v}",
      "/subjects/{s}/versions/{v}/schema", "/subjects/{s}/versions/{v}/referencedby",
      "/compatibility/subjects/{s}/versions/{v}", "/compatibility/subjects/{s}/versions",
      "/compatibility/subjects/{s}/versions/", "/config", "/config/{s}", "/mode", "/mode/{s}",
      "/contexts", "/contexts/{c}", "/contexts/{c}/subjects/{s}/versions",
      "/contexts/{c}/schemas/ids/{id}", "/contexts/{c}/config/{s}", "/health/live",
      "/health/ready", "/nope", "/subjects/{s}/versions/{v}/tags",
  };
  private static final String[] METHODS = {"GET", "GET", "POST", "POST", "PUT", "DELETE", "HEAD",
      "OPTIONS", "PATCH", "TRACE", "FOO"};
  private static final String[] SUBJECTS = {"s", "t-value", "..", ".", "%2F", "a%2Fb", "%00",
      "a%00b", "%2e%2e", "%2e%2e%2f%2e%2e", ":.ctx:s", ":.:", ":.__GLOBAL:", ":*:", "%3A.ctx%3As",
      "%C3%A9t%C3%A9", "%FF%FE", "%C3%28", "%E2%82", "%20", "+", "%25", "%2525", "a;b", "a=b",
      "%7B%7D", "%5B", "%22", "%5C", "%0D%0A", "%09", ";", "a..b", "~", "-1", "0"};
  private static final String[] IDS = {"1", "2", "3", "-1", "0", "2147483647", "2147483648",
      "-2147483649", "99999999999999999999999999", "abc", "1e3", "0x10", "%00", "%20", "1.5", "+1",
      "01", "%2F", "..", "%2e%2e", "NaN", "%EF%BC%91"};
  private static final String[] VERSIONS = {"1", "2", "latest", "-1", "-2", "0", "2147483647",
      "2147483648", "99999999999999999999", "LATEST", "1.0", "abc", "%00", "%2F", "..", "+1",
      "-0", "1e2", "%20"};
  private static final String[] CONTEXTS = {".ctx", ".", "..", "%2F", ".%00", "ctx", ".a.b", "%2e"};
  private static final String[] PARAMS = {"deleted", "deletedOnly", "deletedAsNegative",
      "permanent", "normalize", "verbose", "defaultToGlobal", "offset", "limit", "subject",
      "format", "subjectPrefix", "latestOnly", "aliases", "fetchMaxId", "key", "value", "force",
      "recursive", "referenceFormat", "ruleType", "lookupDeletedSchema"};
  private static final String[] VALUES = {"true", "false", "TRUE", "1", "-1", "0", "", "abc",
      "2147483648", "-2147483649", "99999999999999999999", "%00", "%2F", "serialized", "resolved",
      "%FF", "%252", "%C3", "latest", ":.ctx:", "%C3%28"};
  private static final String[] CONTENT_TYPES = {MediaTypes.V1_JSON, MediaTypes.JSON,
      MediaTypes.DEFAULT_JSON, MediaTypes.OCTET_STREAM, "text/plain", "application/xml",
      "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "garbage",
      "application/json; charset=ISO-8859-1", "application/json;;;", "*/*", ";", "a/b/c",
      "application/vnd.schemaregistry.v1+json; q=abc"};
  private static final String[] ACCEPTS = {MediaTypes.V1_JSON, "*/*", "application/json",
      "text/html", "application/xml", "garbage", "*/*;q=abc", "application/json;q=0",
      "application/*;q=0.5, text/*", ";;;", "application/vnd.schemaregistry.v1+json;q=2",
      "a".repeat(3000)};
  private static final String[] SCHEMAS = {"\"string\"", "\"int\"", "{\"type\":\"long\"}",
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\",\"default\":1}]}",
      "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}", "{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}",
      "{\"type\":\"array\"}", "{\"type\":\"map\",\"values\":\"nope\"}", "[\"null\",\"null\"]", "[]",
      "{}", "", "not json", "{\"type\":\"record\",\"name\":\"\",\"fields\":[]}",
      "{\"type\":\"record\",\"name\":\"1bad\",\"fields\":null}", "{\"type\":{\"type\":{\"type\":\"int\"}}}",
      "syntax = \"proto3\"; message M { int32 a = 1; }", "{\"type\":\"object\"}", "null", "\u0000",
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"r\",\"type\":\"R\"}]}",
      "{\"type\":\"int\",\"logicalType\":\"date\"}", "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":-5}"};
  private static final String[] SCHEMA_TYPES = {"AVRO", "JSON", "PROTOBUF", "avro", "XML", "",
      "null", "AVRO\u0000"};

  @Override
  RestOptions options() {
    return RestOptions.loopback().withMaxRequestBodyBytes(BODY_LIMIT)
        .withMaxSchemaBytes(SCHEMA_LIMIT).withRequestTimeoutMillis(TIMEOUT_MILLIS);
  }

  @Test
  void tenThousandHostileRequestsGetNoServerErrorAndLeaveTheServerHealthy() throws Exception {
    long seed = Long.getLong("stele.fuzz.seed", System.nanoTime());
    System.out.println("FuzzTest seed " + seed + " (replay with -Dstele.fuzz.seed=" + seed + ")");
    register("s", STRING);
    register("t-value", USER);
    long heapBefore = heapAfterGc();

    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicInteger> statuses = Collections.synchronizedMap(new TreeMap<>());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        int index = i;
        running.add(pool.submit(() -> {
          String outcome = runCase(new Random(seed + index), failures, index);
          statuses.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        }));
      }
      for (Future<?> done : running) {
        done.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long heapAfter = heapAfterGc();
    System.out.println("FuzzTest outcomes " + statuses);
    System.out.println("FuzzTest heap after GC: " + heapBefore / 1024 + " KiB before, "
        + heapAfter / 1024 + " KiB after");

    assertThat(failures).as("cases answered 5xx, non-JSON errors or no answer (seed " + seed + ")")
        .isEmpty();
    assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(CASES);
    // Still serving normally: reads, and a write once the mode and config are reset.
    assertThat(send("PUT", "/mode", "{\"mode\":\"READWRITE\"}", "Content-Type", V1).status())
        .isEqualTo(200);
    assertThat(delete("/config").status()).isEqualTo(200);
    assertThat(get("/schemas/types").status()).isEqualTo(200);
    Reply registered = post("/subjects/fuzz-after/versions", INT);
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(HEAP_GROWTH_BOUND);
  }

  /** One case; returns a label for the summary (the status, or what happened). */
  private String runCase(Random random, List<String> failures, int index) {
    boolean raw = random.nextInt(100) < 25;
    boolean oversizedHead = false;
    String description = "case " + index;
    try {
      if (raw) {
        RawCase request = rawCase(random);
        description += " raw " + request.kind() + " " + printable(request.bytes());
        return checkRaw(request, failures, description);
      }
      HttpRequest request = clientCase(random);
      oversizedHead = oversizedHead(request);
      description += " " + request.method() + " " + request.uri().getRawPath()
          + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())
          + " headers " + request.headers().map().keySet() + " body "
          + request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).orElse(-1L);
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      check(response.statusCode(), request.method().equals("HEAD") ? null : response.body(),
          response.headers().firstValue("Content-Type").orElse(null), failures, description);
      return String.valueOf(response.statusCode());
    } catch (IOException e) {
      if (oversizedHead) {
        // Answered 414 or 431 as soon as the head was too long, while the JDK client was still
        // writing its body; it reads only once done writing, and by then the server has closed
        // the connection (a reset discards the answer). The answer itself is checked in the
        // many such cases without a large body.
        return "closed-oversized-head";
      }
      failures.add(description + ": " + e);
      return "io-error";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (RuntimeException e) {
      failures.add(description + ": " + e);
      return "exception";
    }
  }

  private static void check(int status, byte[] body, String contentType, List<String> failures,
      String description) {
    if (status >= 500) {
      failures.add(description + ": " + status + " " + text(body));
      return;
    }
    if (status >= 400 && body != null) {
      try {
        JsonNode json = JSON.readTree(body);
        if (!json.path("error_code").isInt() || !json.path("message").isTextual()) {
          failures.add(description + ": error without error_code and message: " + text(body));
        }
      } catch (IOException e) {
        failures.add(description + ": error body is not JSON: " + status + " " + text(body));
      }
      if (contentType == null || !contentType.contains("json")) {
        failures.add(description + ": error with content type " + contentType);
      }
    }
  }

  private static String text(byte[] body) {
    if (body == null) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  // ---- requests through the JDK client: well-formed HTTP, hostile content ----

  private HttpRequest clientCase(Random random) {
    String path = path(random);
    String method = pick(random, METHODS);
    String body = random.nextInt(4) == 0 && (method.equals("GET") || method.equals("DELETE"))
        ? null : body(random, path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path + query(random)))
        .timeout(Duration.ofSeconds(30));
    if (body == null && !method.equals("POST") && !method.equals("PUT")) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      byte[] bytes = body == null ? new byte[0] : bytes(random, body);
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }
    if (random.nextInt(5) > 0) {
      request.header("Content-Type", pick(random, CONTENT_TYPES));
    }
    if (random.nextInt(3) == 0) {
      request.header("Accept", pick(random, ACCEPTS));
    }
    switch (random.nextInt(12)) {
      case 0 -> request.header("X-Big", "h".repeat(4_000 + random.nextInt(12_000)));
      case 1 -> {
        for (int i = 0; i < 200; i++) {
          request.header("X-Many-" + i, "v" + i);
        }
      }
      case 2 -> request.header("Authorization", "Basic " + "%%%" + random.nextInt());
      case 3 -> request.header("Accept-Encoding", "gzip, br, zstd, x-unknown");
      case 4 -> request.header("X-Forwarded-For", "999.999.999.999");
      default -> { }
    }
    return request.build();
  }

  /** Whether the request line or the headers exceed the server's limits (414 or 431 then). */
  private static boolean oversizedHead(HttpRequest request) {
    int line = request.method().length() + request.uri().getRawPath().length()
        + (request.uri().getRawQuery() == null ? 0 : request.uri().getRawQuery().length() + 1) + 10;
    int headers = request.headers().map().entrySet().stream()
        .mapToInt(e -> e.getKey().length() + e.getValue().stream().mapToInt(String::length).sum() + 4)
        .sum();
    return line > RestOptions.DEFAULT_MAX_INITIAL_LINE - 100 || headers > RestOptions.DEFAULT_MAX_HEADER - 300;
  }

  /** A route with its placeholders filled by ordinary or hostile path segments. */
  private static String path(Random random) {
    String route = pick(random, ROUTES);
    if (random.nextInt(20) == 0) {
      route = route + pick(random, new String[] {"/..", "/../config", "/%2e%2e/%2e%2e", "//",
          "/x/y/z", "/%00", "/.", "?", "#frag"});
    }
    return route.replace("{s}", segment(random, SUBJECTS))
        .replace("{id}", segment(random, IDS))
        .replace("{v}", segment(random, VERSIONS))
        .replace("{c}", segment(random, CONTEXTS))
        .replace("#frag", "");
  }

  private static String segment(Random random, String[] choices) {
    return switch (random.nextInt(12)) {
      case 0 -> "9".repeat(1 + random.nextInt(6_000)); // overlong: 414 past the line limit
      case 1 -> "s" + random.nextInt(1000);
      case 2 -> percentEncoded(random);
      default -> pick(random, choices);
    };
  }

  /** A random string percent-encoded byte by byte, invalid UTF-8 included. */
  private static String percentEncoded(Random random) {
    StringBuilder out = new StringBuilder();
    int length = 1 + random.nextInt(20);
    for (int i = 0; i < length; i++) {
      out.append('%').append(String.format(Locale.ROOT, "%02X", random.nextInt(256)));
    }
    return out.toString();
  }

  private static String query(Random random) {
    int count = random.nextInt(4);
    if (count == 0) {
      return "";
    }
    StringBuilder query = new StringBuilder("?");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        query.append('&');
      }
      String value = random.nextInt(10) == 0 ? "x".repeat(random.nextInt(3_000)) : pick(random, VALUES);
      query.append(random.nextInt(10) == 0 ? percentEncoded(random) : pick(random, PARAMS))
          .append(random.nextInt(15) == 0 ? "" : "=" + value);
    }
    return query.toString();
  }

  private static String body(Random random, String path) {
    return switch (random.nextInt(16)) {
      case 0 -> "{";
      case 1 -> "[".repeat(2_000 + random.nextInt(20_000));
      case 2 -> "{\"schema\":" + "{\"a\":".repeat(1_100) + "1" + "}".repeat(1_100) + "}";
      case 3 -> "x".repeat(BODY_LIMIT + 1 + random.nextInt(BODY_LIMIT)); // 413
      case 4 -> register(random, "\"" + "d".repeat(SCHEMA_LIMIT + random.nextInt(1000)) + "\"");
      case 5 -> pick(random, new String[] {"", " ", "null", "[]", "1", "\"text\"", "true", "{}",
          "{\"schema\":null}", "{\"schema\":1}", "{\"schema\":[]}", "{\"schema\":{}}",
          "{\"references\":[null]}", "{\"schema\":\"\\\"int\\\"\",\"references\":[{}]}",
          "{\"schema\":\"\\\"int\\\"\",\"references\":[{\"name\":\"n\",\"subject\":\"..\",\"version\":-5}]}",
          "{\"schema\":\"\\\"int\\\"\",\"id\":-1,\"version\":0}",
          "{\"schema\":\"\\\"int\\\"\",\"id\":99999999999}", "{\"schema\":\"\\\"int\\\"\",\"version\":\"x\"}"});
      case 6 -> pick(random, new String[] {"{\"compatibility\":\"NONE\"}",
          "{\"compatibility\":\"nonsense\"}", "{\"compatibility\":null}", "{\"compatibility\":1}",
          "{\"normalize\":\"maybe\"}", "{\"alias\":\"..\"}", "{\"compatibilityGroup\":\"\"}",
          "{\"defaultMetadata\":{\"properties\":{\"a\":null}}}", "{\"overrideRuleSet\":{\"domainRules\":[null,{}]}}",
          "{\"defaultRuleSet\":{\"domainRules\":[{\"name\":\"r\",\"kind\":\"NOPE\"}]}}"});
      case 7 -> pick(random, new String[] {"{\"mode\":\"READONLY\"}", "{\"mode\":\"READWRITE\"}",
          "{\"mode\":\"IMPORT\"}", "{\"mode\":\"FORWARD\"}", "{\"mode\":\"nonsense\"}",
          "{\"mode\":null}", "{\"mode\":[]}"});
      case 8 -> "{\"a\":\"" + "\\u0000\\ud800\\udfff\\uffff" + "\"}";
      case 9 -> "{\"schema\":\"\\\"int\\\"\",\"metadata\":{\"properties\":{\"k\":\"v\"},\"tags\":{\"a\":[null]}},"
          + "\"ruleSet\":{\"migrationRules\":[{\"name\":null,\"kind\":\"TRANSFORM\",\"mode\":\"NOPE\"}]}}";
      case 10 -> "{\"a\":" + "1".repeat(5_000) + "}";
      case 11 -> "{\"schema\":\"\\\"int\\\"\"" + ",\"x\":1".repeat(20_000) + "}";
      default -> register(random, pick(random, SCHEMAS));
    };
  }

  private static String register(Random random, String schema) {
    StringBuilder body = new StringBuilder("{\"schema\":").append(quote(schema));
    if (random.nextInt(3) == 0) {
      body.append(",\"schemaType\":").append(quote(pick(random, SCHEMA_TYPES)));
    }
    if (random.nextInt(6) == 0) {
      body.append(",\"references\":[{\"name\":\"r\",\"subject\":\"s\",\"version\":")
          .append(pick(random, new String[] {"1", "-1", "0", "99", "2147483647"})).append("}]");
    }
    return body.append('}').toString();
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body's bytes; now and then with invalid UTF-8 spliced in. */
  private static byte[] bytes(Random random, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(8) == 0 && bytes.length > 2) {
      bytes[1 + random.nextInt(bytes.length - 1)] = (byte) (0x80 + random.nextInt(0x80));
    }
    return bytes;
  }

  // ---- raw sockets: HTTP that no client library would send ----

  record RawCase(String kind, byte[] bytes, boolean truncated) {
    /** Bytes that may not make a whole request: an answer is not owed. */
    boolean incomplete() {
      return kind.equals("garbage") || kind.equals("empty line");
    }
  }

  private static RawCase rawCase(Random random) {
    String path = pick(random, new String[] {"/subjects", "/schemas/ids/1", "/config", "/"});
    String end = "\r\n";
    return switch (random.nextInt(18)) {
      case 0 -> new RawCase("garbage", randomBytes(random, 1 + random.nextInt(200)), false);
      case 1 -> raw("overlong line", "GET /" + "a".repeat(5_000 + random.nextInt(20_000))
          + " HTTP/1.1\r\nHost: x\r\n\r\n");
      case 2 -> raw("huge header", "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-A: "
          + "b".repeat(9_000 + random.nextInt(30_000)) + "\r\n\r\n");
      case 3 -> raw("bad version", "GET " + path + " " + pick(random, new String[] {"HTTP/9.9",
          "HTTP/1.1x", "HTTP/", "FTP/1.0", "HTTP/1.1 extra"}) + end + "Host: x\r\n\r\n");
      case 4 -> raw("no host", "GET " + path + " HTTP/1.1\r\n\r\n");
      case 5 -> raw("bad content-length", "POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\n"
          + "Content-Length: " + pick(random, new String[] {"abc", "-1", "1, 2", "99999999999999999999",
              "+5", " "}) + "\r\n\r\n{}");
      case 6 -> raw("two content-lengths", "POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\n"
          + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
      case 7 -> raw("bad chunk", "POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\n"
          + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
      case 8 -> raw("chunked and length", "POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\n"
          + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
      case 9 -> raw("path tricks", pick(random, new String[] {"GET", "POST", "DELETE"}) + " "
          + pick(random, new String[] {"/subjects/../config", "/subjects/a b", "/%", "/%zz",
              "/subjects/\u00ff\u00fe", "//..//..//etc/passwd", "http://x/subjects", "*",
              "/subjects/%2e%2e/%2e%2e/config", "/subjects/s/versions/%00", "subjects",
              "/schemas/ids/1?%", "/?a=%E2%82", "/subjects/\\..\\config", "/subjects;jsessionid=1"})
          + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
      case 10 -> {
        byte[] head = ("POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\nContent-Type: "
            + MediaTypes.V1_JSON + "\r\nContent-Length: 20\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = randomBytes(random, 20);
        yield new RawCase("binary body", concat(head, body), false);
      }
      case 11 -> random.nextInt(40) == 0
          ? new RawCase("truncated body", ("POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\n"
              + "Content-Length: 100\r\n\r\n{\"sch").getBytes(StandardCharsets.US_ASCII), true)
          : raw("empty line", "\r\n\r\n");
      case 12 -> raw("header without colon", "GET " + path + " HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n");
      case 13 -> raw("folded header", "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  b\r\n\r\n");
      case 14 -> {
        byte[] head = ("GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Bin: ").getBytes(StandardCharsets.US_ASCII);
        yield new RawCase("binary header", concat(concat(head, randomBytes(random, 30)),
            "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), false);
      }
      case 15 -> raw("pipelined", ("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").repeat(
          2 + random.nextInt(20)));
      case 16 -> raw("lowercase method", "get " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
      default -> raw("many headers", "GET " + path + " HTTP/1.1\r\nHost: x\r\n"
          + "X-H: v\r\n".repeat(1_000 + random.nextInt(3_000)) + "\r\n");
    };
  }

  private static RawCase raw(String kind, String text) {
    return new RawCase(kind, text.getBytes(StandardCharsets.ISO_8859_1), false);
  }

  private String checkRaw(RawCase request, List<String> failures, String description)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(request.bytes());
        socket.getOutputStream().flush();
      } catch (SocketException e) {
        // The server may answer and close while a huge request is still being written.
      }
      RawResponse response = readResponse(socket.getInputStream());
      if (response == null) {
        // Closed without an answer: right when the bytes never formed a request (the request
        // timeout then closes the connection), wrong for anything else.
        if (!request.incomplete()) {
          failures.add(description + ": no answer");
        }
        return "raw-closed";
      }
      if (response.status() == 501 && request.kind().equals("bad version")) {
        // Vert.x answers a protocol version other than HTTP/1.x itself, before any handler:
        // "501 Not Implemented" in that version, the one 5xx outside Stele's reach.
        return "raw-501-unknown-version";
      }
      check(response.status(), response.body(), response.contentType(), failures, description);
      return (request.truncated() ? "raw-truncated-" : "raw-") + response.status();
    }
  }

  record RawResponse(int status, String contentType, byte[] body) {}

  private static final java.util.regex.Pattern STATUS_LINE =
      java.util.regex.Pattern.compile("[A-Z]+/[0-9]+\\.[0-9]+ ([0-9]{3}) ");

  /** The first response on the connection, or null when it closes without one. */
  private static RawResponse readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try {
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.write(b);
      }
    } catch (SocketException e) {
      // reset: judged on what arrived
    } catch (SocketTimeoutException e) {
      throw new IOException("no answer within the socket timeout", e);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher statusLine = STATUS_LINE.matcher(text);
    if (!statusLine.lookingAt()) {
      return null;
    }
    int status = Integer.parseInt(statusLine.group(1));
    String contentType = null;
    int length = 0;
    for (String line : text.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        contentType = line.substring(13).trim();
      } else if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body;
    try {
      body = in.readNBytes(length);
    } catch (SocketException e) {
      body = new byte[0];
    }
    return new RawResponse(status, contentType, body);
  }

  /** The start of a raw request, readable in a failure message. */
  private static String printable(byte[] bytes) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < Math.min(bytes.length, 60); i++) {
      int b = bytes[i] & 0xff;
      out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format(Locale.ROOT, "\\x%02x", b));
    }
    return out.append(bytes.length > 60 ? "...'" : "'").toString();
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
