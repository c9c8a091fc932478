package dev.stele.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies of one run, recorded exactly (no histogram buckets): runs are at most a few hundred
 * thousand requests, so sorting them all at the end is cheap and the percentiles are exact.
 */
final class Latencies {
  private long[] nanos = new long[1024];
  private int count;

  /** Not thread-safe: each worker records into its own and {@link #merge}s at the end. */
  void record(long elapsedNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
  }

  static Latencies merge(Iterable<Latencies> parts) {
    Latencies all = new Latencies();
    for (Latencies part : parts) {
      for (int i = 0; i < part.count; i++) {
        all.record(part.nanos[i]);
      }
    }
    return all;
  }

  int count() {
    return count;
  }

  /** Milliseconds at percentile p (0..100), nearest-rank. */
  double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
  }

  String summary() {
    return String.format(Locale.ROOT, "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f",
        percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(99.9),
        percentileMillis(100));
  }
}
