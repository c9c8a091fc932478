package dev.stele.bench;

import java.time.Duration;

/**
 * Registration throughput: distinct new schemas from C closed-loop clients, either each into its
 * own subject (producers of many topics starting up) or all into one subject at level NONE (the
 * worst case for one subject's history). Mirrors Confluent's SchemaRegistryPerformance tool.
 */
final class RegisterLoad {
  private RegisterLoad() {}

  static boolean run(Http http, String run, Args args) {
    int schemas = args.integer("schemas", 10_000);
    int warmup = args.integer("warmup", 5_000);
    Duration deadline = Duration.ofSeconds(args.integer("max-seconds", 300));
    boolean clean = true;
    for (String layout : args.list("subjects", "distinct,one")) {
      for (String clientList : args.list("clients", "16,64")) {
        int clients = Integer.parseInt(clientList.trim());
        String tag = run + layout.charAt(0) + clients;
        if (warmup > 0) {
          once(http, tag + "w", layout, warmup, clients, deadline);
        }
        ConcurrentRun.Outcome outcome = once(http, tag, layout, schemas, clients, deadline);
        System.out.println(LoadMain.format("register: %s subjects, %d clients, %d new schemas",
            layout.equals("one") ? "one (level NONE)" : "distinct", clients, schemas));
        System.out.println(outcome.summary("registrations"));
        clean &= outcome.failed() == 0 && outcome.ok() == schemas;
      }
    }
    return clean;
  }

  private static ConcurrentRun.Outcome once(Http http, String tag, String layout, int n, int clients,
      Duration deadline) {
    boolean one = layout.equals("one");
    if (!one && !layout.equals("distinct")) {
      throw new IllegalArgumentException("--subjects takes distinct and/or one, not " + layout);
    }
    String single = "bench-" + tag + "-one";
    if (one) {
      Http.Response set = http.setCompatibility(single, "NONE");
      if (!set.ok()) {
        throw new IllegalStateException("PUT /config/" + single + ": " + set.status() + " " + set.body());
      }
    }
    return ConcurrentRun.run(n, clients, deadline, i -> http.registerAsync(
        one ? single : "bench-" + tag + "-" + i, Schemas.oneField(tag, i)));
  }
}
