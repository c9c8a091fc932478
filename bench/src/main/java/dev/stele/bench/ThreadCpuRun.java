package dev.stele.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Thread CPU time and bytes allocated per call of JMH benchmark methods, without JMH: for a
 * machine shared with other work, where JMH's wall-clock times measure the neighbours too. Calls
 * the class's {@code @Setup} methods, then each named method 200,000 times to warm up and three
 * rounds of 300,000 measured by {@code ThreadMXBean} (CPU time of this thread only, bytes this
 * thread allocated). Run: {@code bench/cpu.sh dev.stele.bench.CelRuleBenchmark noRules encryptOneField}.
 */
public final class ThreadCpuRun {
  private static final int WARM_UP = 200_000;
  private static final int CALLS = 300_000;
  private static final int ROUNDS = 3;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static volatile Object sink;

  private ThreadCpuRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ThreadCpuRun <benchmark class> <method>...");
      System.exit(2);
    }
    Class<?> type = Class.forName(args[0]);
    Object bench = type.getDeclaredConstructor().newInstance();
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(Setup.class)) {
        method.invoke(bench);
      }
    }
    long thread = Thread.currentThread().getId();
    for (int k = 1; k < args.length; k++) {
      Method method = type.getMethod(args[k]);
      for (int i = 0; i < WARM_UP; i++) {
        sink = method.invoke(bench);
      }
      for (int round = 0; round < ROUNDS; round++) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long bytes = THREADS.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
          sink = method.invoke(bench);
        }
        System.out.printf("%-24s %7.0f cpu-ns/op %7.0f B/op%n", args[k],
            (THREADS.getCurrentThreadCpuTime() - cpu) / (double) CALLS,
            (THREADS.getThreadAllocatedBytes(thread) - bytes) / (double) CALLS);
      }
    }
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(TearDown.class)) {
        method.invoke(bench);
      }
    }
    System.exit(0);
  }
}
