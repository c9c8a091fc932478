package dev.stele.bench;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Consumer-like reads of random schema ids (the deserializer's {@code GET /schemas/ids/{id}}),
 * interleaved with a subject's latest version: the warm-up of the memory measurement.
 */
final class ReadLoad {
  private ReadLoad() {}

  static boolean run(Http http, Args args) {
    int requests = args.integer("requests", 200_000);
    int clients = args.integer("clients", 16);
    Duration deadline = Duration.ofSeconds(args.integer("max-seconds", 300));
    Http.Response probe = http.get("/schemas/ids/1?fetchMaxId=true");
    if (!probe.ok()) {
      System.out.println("reads: no schema with id 1: " + probe.status() + " " + probe.body());
      return false;
    }
    int maxId = probe.json().path("maxId").asInt(args.integer("max-id", 1));
    ConcurrentRun.Outcome outcome = ConcurrentRun.run(requests, clients, deadline, i -> {
      int id = 1 + ThreadLocalRandom.current().nextInt(maxId);
      return http.getAsync("/schemas/ids/" + id);
    });
    System.out.println(LoadMain.format("reads: %d random ids in 1..%d, %d clients", requests, maxId, clients));
    System.out.println(outcome.summary("reads"));
    return outcome.failed() == 0;
  }
}
