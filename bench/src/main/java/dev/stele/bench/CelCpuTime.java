package dev.stele.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@link CelRuleBenchmark}'s calls timed by the calling thread's CPU time rather than the wall
 * clock, for a machine whose other tenants make JMH's times meaningless: a thread that waits for
 * a core is not charged for the wait. Warms each call up, then prints the median and the lowest of
 * seven rounds in CPU nanoseconds per call. Run with
 * {@code java -cp bench/target/stele-bench.jar dev.stele.bench.CelCpuTime [calls per round [names...]]}
 * (best one name per JVM, so that no other call's profile shapes the code of the one measured).
 */
public final class CelCpuTime {
  private CelCpuTime() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    CelRuleBenchmark bench = new CelRuleBenchmark();
    bench.setUp();
    try {
      Map<String, Callable<Object>> runs = new LinkedHashMap<>();
      runs.put("noRules", bench::noRules);
      runs.put("celCondition", bench::celCondition);
      runs.put("celProgramAlone", bench::celProgramAlone);
      runs.put("celProgramAloneDevCel", bench::celProgramAloneDevCel);
      runs.put("celFieldTransform", bench::celFieldTransform);
      if (args.length > 1) {
        runs.keySet().retainAll(Arrays.asList(args).subList(1, args.length));
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (Map.Entry<String, Callable<Object>> run : runs.entrySet()) {
        Object sink = null;
        for (int i = 0; i < calls * 5; i++) {
          sink = run.getValue().call();
        }
        long[] rounds = new long[7];
        for (int r = 0; r < rounds.length; r++) {
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < calls; i++) {
            sink = run.getValue().call();
          }
          rounds[r] = (threads.getCurrentThreadCpuTime() - start) / calls;
        }
        Arrays.sort(rounds);
        System.out.printf("%-24s median %6d  min %6d  CPU ns/call (%s)%n", run.getKey(), rounds[3], rounds[0],
            sink == null ? "null" : sink.getClass().getSimpleName());
      }
    } finally {
      bench.tearDown();
    }
  }
}
