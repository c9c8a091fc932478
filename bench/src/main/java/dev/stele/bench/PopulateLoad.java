package dev.stele.bench;

import java.time.Duration;

/**
 * Fills a registry with N distinct schemas of about 1 KB, one subject each (a topic's value
 * schema), as fast as C clients can: the data set of the start-up and memory benchmark.
 */
final class PopulateLoad {
  private PopulateLoad() {}

  static boolean run(Http http, String run, Args args) {
    int schemas = args.integer("schemas", 100_000);
    int clients = args.integer("clients", 16);
    int bytes = args.integer("bytes", 1024);
    Duration deadline = Duration.ofSeconds(args.integer("max-seconds", 1200));
    long totalChars = 0;
    for (int i = 0; i < Math.min(schemas, 1000); i++) {
      totalChars += Schemas.event(run, i, bytes).length();
    }
    System.out.println(LoadMain.format("populate: %d schemas of about %d characters (mean of the first"
        + " 1000: %d), one subject each, %d clients", schemas, bytes,
        totalChars / Math.max(1, Math.min(schemas, 1000)), clients));
    ConcurrentRun.Outcome outcome = ConcurrentRun.run(schemas, clients, deadline,
        i -> http.registerAsync("topic-" + run + "-" + i + "-value", Schemas.event(run, i, bytes)));
    System.out.println(outcome.summary("registrations"));
    return outcome.failed() == 0 && outcome.ok() == schemas;
  }
}
