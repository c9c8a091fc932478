package dev.stele.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of a FULL_TRANSITIVE registration into a subject with a long history. Each subject is
 * built with {@code --versions} evolving versions at level NONE (checking while building would
 * only make the build quadratic in time, not change the history), then switched to
 * FULL_TRANSITIVE; the next {@code --additions} versions are timed one by one.
 *
 * <p>Three cases are reported apart, because they differ by an order of magnitude: the very
 * first addition in a fresh server (the JIT has not compiled the checker yet), the first addition
 * of each later subject (the server parses every stored version once, then caches them), and the
 * later additions (the steady state).
 *
 * <p>With {@code --resume true} nothing is built: the subjects of an earlier run (same
 * {@code --run}) get {@code --additions} more versions each, timed the same way. Run against a
 * server restarted on that run's data, it measures the first check of each subject after a
 * restart.
 */
final class TransitiveLoad {
  private TransitiveLoad() {}

  static boolean run(Http http, String run, Args args) {
    int versions = args.integer("versions", 1000);
    int subjects = args.integer("subjects", 3);
    int additions = args.integer("additions", 5);
    if (Boolean.parseBoolean(args.string("resume", "false"))) {
      return resume(http, run, subjects, additions);
    }
    double freshServer = Double.NaN;
    List<Double> coldCache = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    for (int s = 1; s <= subjects; s++) {
      String subject = "bench-" + run + "-evolving-" + s;
      String record = "Evolving_" + run + "_" + s;
      require(http.setCompatibility(subject, "NONE"), "PUT /config/" + subject);
      long t0 = System.nanoTime();
      for (int k = 1; k <= versions; k++) {
        require(http.register(subject, Schemas.evolving(record, k)), "register version " + k + " of " + subject);
      }
      double buildSeconds = (System.nanoTime() - t0) / 1e9;
      require(http.setCompatibility(subject, "FULL_TRANSITIVE"), "PUT /config/" + subject);
      double[] times = new double[additions];
      for (int a = 0; a < additions; a++) {
        int k = versions + 1 + a;
        String schema = Schemas.evolving(record, k);
        long start = System.nanoTime();
        require(http.register(subject, schema), "FULL_TRANSITIVE version " + k + " of " + subject);
        times[a] = (System.nanoTime() - start) / 1e6;
      }
      Http.Response listed = http.get("/subjects/" + subject + "/versions");
      int count = listed.ok() ? listed.json().size() : -1;
      if (count != versions + additions) {
        throw new IllegalStateException(subject + " has " + count + " versions, expected " + (versions + additions));
      }
      if (s == 1) {
        freshServer = times[0];
      } else {
        coldCache.add(times[0]);
      }
      for (int a = 1; a < additions; a++) {
        warm.add(times[a]);
      }
      System.out.println(LoadMain.format("transitive: %s built with %d versions in %.1f s (%.0f/s, level NONE);"
          + " FULL_TRANSITIVE additions (ms): %s", subject, versions, buildSeconds, versions / buildSeconds,
          Arrays.toString(Arrays.stream(times).map(t -> Math.round(t * 10) / 10.0).toArray())));
    }
    System.out.println(LoadMain.format("transitive: a version added under FULL_TRANSITIVE to %d versions:"
        + " first in a fresh server %.1f ms; first of a later subject (parse cache cold) median %.1f ms;"
        + " later additions median %.1f ms, max %.1f ms", versions, freshServer, median(coldCache),
        median(warm), max(warm)));
    return true;
  }

  private static boolean resume(Http http, String run, int subjects, int additions) {
    List<Double> first = new ArrayList<>();
    List<Double> later = new ArrayList<>();
    for (int s = 1; s <= subjects; s++) {
      String subject = "bench-" + run + "-evolving-" + s;
      String record = "Evolving_" + run + "_" + s;
      Http.Response listed = http.get("/subjects/" + subject + "/versions");
      if (!listed.ok()) {
        throw new IllegalStateException(subject + ": HTTP " + listed.status() + " (was it built with --run " + run + "?)");
      }
      int count = listed.json().size();
      double[] times = new double[additions];
      for (int a = 0; a < additions; a++) {
        int k = count + 1 + a;
        long start = System.nanoTime();
        require(http.register(subject, Schemas.evolving(record, k)), "FULL_TRANSITIVE version " + k + " of " + subject);
        times[a] = (System.nanoTime() - start) / 1e6;
        (a == 0 ? first : later).add(times[a]);
      }
      System.out.println(LoadMain.format("transitive: %s after a restart, additions to %d versions (ms): %s",
          subject, count, Arrays.toString(Arrays.stream(times).map(t -> Math.round(t * 10) / 10.0).toArray())));
    }
    System.out.println(LoadMain.format("transitive: after a restart, first addition per subject median %.1f ms,"
        + " max %.1f ms; later additions median %.1f ms", median(first), max(first), median(later)));
    return true;
  }

  private static void require(Http.Response response, String what) {
    if (!response.ok()) {
      throw new IllegalStateException(what + ": HTTP " + response.status() + " " + abbreviate(response.body()));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "...";
  }

  /** The median (the lower middle value for an even count). */
  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[(sorted.length - 1) / 2];
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
