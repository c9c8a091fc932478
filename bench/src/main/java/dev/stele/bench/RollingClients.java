package dev.stele.bench;

import dev.stele.testkit.load.RollingTraffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The clients of {@code bench/rolling.sh}: testkit's {@link RollingTraffic} (readers and writers
 * sending to every instance in turn) from the moment the seeds are in until the script creates
 * the stop file, then a count of what came of each request and a check that every acknowledged
 * write is on every instance. The script restarts the instances meanwhile; this only sends,
 * counts and checks, so that the script and the acceptance test judge requests alike.
 */
final class RollingClients {
  private RollingClients() {}

  static boolean run(String run, Args args) throws IOException, InterruptedException {
    List<String> urls = args.list("urls", "http://127.0.0.1:8081");
    Path started = Path.of(args.string("started-file", "rolling.started"));
    Path stop = Path.of(args.string("stop-file", "rolling.stop"));
    RollingTraffic traffic = new RollingTraffic(urls, "roll" + run,
        Duration.ofSeconds(args.integer("answer-seconds", 60)));
    try {
      traffic.seed(args.integer("seeds", 20));
      traffic.start(args.integer("writers", 4), args.integer("readers", 4));
      Files.writeString(started, "seeded\n");
      while (!Files.exists(stop)) {
        Thread.sleep(50);
      }
    } finally {
      traffic.close();
    }
    int lost = 0;
    for (String url : urls) {
      List<String> missing = traffic.lostOn(url, Duration.ofSeconds(30));
      lost += missing.size();
      missing.stream().limit(5).forEach(m -> System.out.println("  lost on " + url + ": " + m));
    }
    System.out.println("reads: " + traffic.reads());
    System.out.println("writes: " + traffic.writes() + ", " + lost
        + " acknowledged but missing or different on an instance (" + urls.size()
        + " instances checked)");
    System.out.println("slowest answer: " + traffic.slowestMillis() + " ms");
    traffic.failedReads().stream().limit(5).forEach(f -> System.out.println("  failed read: " + f));
    traffic.failedWrites().stream().limit(5).forEach(f -> System.out.println("  failed write: " + f));
    return traffic.reads().failed() == 0 && traffic.writes().failed() == 0 && lost == 0;
  }
}
