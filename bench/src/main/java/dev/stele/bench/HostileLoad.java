package dev.stele.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Issue 17's measurement: while one client sends nothing but hostile registrations, one after
 * another, do reads by id from many other connections stay fast and ordinary registrations keep
 * working? Three loads run at once for the same time: the hostile stream (one connection), reads
 * of random ids ({@code --readers}, default 64, closed loops) and one ordinary registrant (one
 * new schema at a time). The hostile requests are the expensive ones that pass the shape limits or
 * are refused by them: a union of 700 fixed (the default limit) narrowed to 350 (Avro's checker
 * alone compared about 184,000 pairs; matched by name since issue 17's ResolutionCheck, about
 * 1,000), two unions of 700 fixed with nothing in common (refused by the work count before, a
 * verdict from ~700 pairs since), a union of 180 records holding a union narrowed to 150 (such
 * records are still compared with every record branch: near the work count's default, the
 * costliest check the defaults run now), shapes over the
 * limits (parsed only that far), a JSON Schema {@code anyOf} of 1,000 objects reordered (the
 * diff's budget), nesting 10,000 deep, an 8 MB body. A 5xx from any of the three is a failure.
 */
final class HostileLoad {
  private HostileLoad() {}

  /** One kind of hostile request; {@code send} takes a number that keeps its subjects fresh. */
  record Attack(String name, IntFunction<CompletableFuture<Http.Response>> send) {}

  static boolean run(Http http, String run, Args args) {
    int seconds = args.integer("seconds", 30);
    int readers = args.integer("readers", 64);
    Duration length = Duration.ofSeconds(seconds);
    int ids = seed(http, run);
    List<Attack> attacks = attacks(http, run);

    long stopAt = System.nanoTime() + length.toNanos();
    Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    Latencies hostileTimes = new Latencies();
    CompletableFuture<Void> hostile = CompletableFuture.runAsync(() -> {
      for (int i = 0; System.nanoTime() < stopAt; i++) {
        Attack attack = attacks.get(i % attacks.size());
        long t0 = System.nanoTime();
        Http.Response answer = attack.send().apply(i).join();
        hostileTimes.record(System.nanoTime() - t0);
        statuses.computeIfAbsent(attack.name(), k -> new TreeMap<>())
            .merge(answer.status(), 1, Integer::sum);
      }
    });
    CompletableFuture<ConcurrentRun.Outcome> ordinary = CompletableFuture.supplyAsync(() ->
        ConcurrentRun.run(Integer.MAX_VALUE, 1, length, i ->
            http.registerAsync("bench-" + run + "-ordinary-" + i, Schemas.oneField(run + "o", i))));
    ConcurrentRun.Outcome reads = ConcurrentRun.run(Integer.MAX_VALUE, readers, length, i ->
        http.getAsync("/schemas/ids/" + (1 + ThreadLocalRandom.current().nextInt(ids))));
    hostile.join();

    System.out.println(LoadMain.format("hostile: %d s, reads by id on %d connections, one ordinary"
        + " registrant, one hostile stream", seconds, readers));
    System.out.println(reads.summary("reads"));
    System.out.println("ordinary registrations:");
    System.out.println(ordinary.join().summary("registrations"));
    System.out.println(LoadMain.format("hostile requests: %d, %s", hostileTimes.count(),
        hostileTimes.summary()));
    boolean no5xx = true;
    for (Map.Entry<String, Map<Integer, Integer>> each : statuses.entrySet()) {
      System.out.println("  " + each.getKey() + ": " + each.getValue());
      no5xx &= each.getValue().keySet().stream().allMatch(status -> status > 0 && status < 500);
    }
    double p99 = reads.latencies().percentileMillis(99);
    System.out.println(LoadMain.format("target reads p99 <= 50 ms: %.2f ms -> %s", p99,
        p99 <= 50 ? "met" : "MISSED"));
    return no5xx && reads.failed() == 0 && ordinary.join().failed() == 0;
  }

  /** Schemas to read (ids 1..n) and the subjects the attacks evolve; returns n. */
  static int seed(Http http, String run) {
    int n = 200;
    for (int i = 0; i < n; i++) {
      Http.Response r = http.register("bench-" + run + "-read-" + i, Schemas.oneField(run + "r", i));
      if (!r.ok()) {
        throw new IllegalStateException("seeding: " + r.status() + " " + r.body());
      }
    }
    Http.Response wide = http.register("bench-" + run + "-wide", wideUnion("F", 700));
    if (!wide.ok()) {
      throw new IllegalStateException("seeding the wide union: " + wide.status() + " " + wide.body());
    }
    return http.get("/schemas/ids/1?fetchMaxId=true").json().path("maxId").asInt(n);
  }

  static List<Attack> attacks(Http http, String run) {
    String disjoint = wideUnion("G", 700);
    String overLimit = wideUnion("H", 10_001);
    String narrowed = wideUnion("F", 350);
    String recordsNarrowed = recordUnion(150);
    String nested = "[".repeat(10_000) + "]".repeat(10_000);
    String big = "{\"type\":\"record\",\"name\":\"Big\",\"doc\":\"" + "x".repeat(8_000_000) + "\",\"fields\":[]}";
    String anyOf = anyOf(1000, false);
    String anyOfReordered = anyOf(1000, true);
    return List.of(
        new Attack("700 union branches narrowed to 350 (Avro's checker)", i -> {
          String subject = "bench-" + run + "-narrow-" + i;
          return http.registerAsync(subject, wideUnion("F", 700))
              .thenCompose(first -> http.registerAsync(subject, narrowed));
        }),
        new Attack("180 record branches narrowed to 150", i -> {
          String subject = "bench-" + run + "-records-" + i;
          return http.registerAsync(subject, recordUnion(180))
              .thenCompose(first -> http.registerAsync(subject, recordsNarrowed));
        }),
        new Attack("two unions of 700 with no common branch", i ->
            http.registerAsync("bench-" + run + "-wide", disjoint)),
        new Attack("union of 10,001 branches", i ->
            http.registerAsync("bench-" + run + "-over-" + i, overLimit)),
        new Attack("JSON Schema anyOf of 1,000 objects reordered", i -> {
          String subject = "bench-" + run + "-anyof-" + i;
          return http.registerAsync(subject, anyOf, "JSON")
              .thenCompose(first -> http.registerAsync(subject, anyOfReordered, "JSON"));
        }),
        new Attack("arrays nested 10,000 deep", i ->
            http.registerAsync("bench-" + run + "-deep-" + i, nested)),
        new Attack("8 MB schema", i -> http.registerAsync("bench-" + run + "-big-" + i, big)));
  }

  /** A record whose one field is a union of {@code n} fixed types named prefix0, prefix1, ... */
  static String wideUnion(String prefix, int n) {
    return "{\"type\":\"record\",\"name\":\"W\",\"fields\":[{\"name\":\"u\",\"type\":["
        + IntStream.range(0, n).mapToObj(i -> "{\"type\":\"fixed\",\"name\":\"" + prefix + i
            + "\",\"size\":1}").collect(Collectors.joining(",")) + "]}]}";
  }

  /** The same with {@code n} records F0, F1, ... of one field, a union (so not matched by name). */
  static String recordUnion(int n) {
    return wideUnion("F", n).replace("\"type\":\"fixed\"", "\"type\":\"record\"")
        .replace("\"size\":1", "\"fields\":[{\"name\":\"x\",\"type\":[\"null\",\"int\"]}]");
  }

  /** {@code anyOf} of n objects with one required property each, in order or reversed. */
  static String anyOf(int n, boolean reversed) {
    return "{\"anyOf\":[" + IntStream.range(0, n).map(i -> reversed ? n - 1 - i : i)
        .mapToObj(i -> "{\"type\":\"object\",\"properties\":{\"p" + i + "\":{\"type\":\"string\"}},"
            + "\"required\":[\"p" + i + "\"]}").collect(Collectors.joining(",")) + "]}";
  }
}
