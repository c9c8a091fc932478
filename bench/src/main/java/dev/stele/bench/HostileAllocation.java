package dev.stele.bench;

import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Issue 17: what each attack of {@link HostileLoad} costs the server in allocated bytes, the
 * figure that decides how often the serial collector stops the readers. It attaches to a running
 * server (its pid), and around each attack sums {@code getThreadAllocatedBytes} over every thread
 * of the server, so the event loops, the workers and the log's thread all count, and the load
 * generator (this process) does not. The attacks are sent one at a time on an otherwise idle
 * server; the median of {@code --rounds} is printed with the smallest and largest. A read by id
 * and an ordinary registration are measured the same way for scale. Bytes do not depend on the
 * machine's load (a thread that ends between two readings would lose its count; the server's
 * threads are long-lived pools). Run: {@code bench/hostile-alloc.sh}.
 */
final class HostileAllocation {
  private HostileAllocation() {}

  static boolean run(Http http, String run, Args args) {
    int rounds = args.integer("rounds", 7);
    String pid = args.string("pid", "");
    if (pid.isEmpty()) {
      throw new IllegalArgumentException("--pid of the server is required");
    }
    try (Server server = Server.attach(pid)) {
      HostileLoad.seed(http, run);
      List<HostileLoad.Attack> attacks = HostileLoad.attacks(http, run);
      System.out.println(LoadMain.format("%-52s %14s %14s %14s  %s", "request", "median B",
          "min B", "max B", "statuses"));
      measure(server, "nothing (the reading itself)", rounds,
          i -> java.util.concurrent.CompletableFuture.completedFuture(new Http.Response(0, "")));
      measure(server, "a read by id (for scale)", rounds, i -> http.getAsync("/schemas/ids/1"));
      measure(server, "an ordinary registration (for scale)", rounds, i ->
          http.registerAsync("bench-" + run + "-alloc-ordinary-" + i, Schemas.oneField(run + "a", i)));
      // The first step of the attacks that register a schema and then evolve it: accepted.
      measure(server, "  first step: a union of 700 fixed registered", rounds, i ->
          http.registerAsync("bench-" + run + "-alloc-union-" + i, HostileLoad.wideUnion("F", 700)));
      measure(server, "  first step: a union of 180 records registered", rounds, i ->
          http.registerAsync("bench-" + run + "-alloc-records-" + i, HostileLoad.recordUnion(180)));
      measure(server, "  first step: anyOf of 1,000 objects registered", rounds, i ->
          http.registerAsync("bench-" + run + "-alloc-anyof-" + i, HostileLoad.anyOf(1000, false), "JSON"));
      for (HostileLoad.Attack attack : attacks) {
        // Each attack's index starts past the others' so subjects stay fresh per round.
        measure(server, attack.name(), rounds, i -> attack.send().apply(1_000_000 + i));
      }
      return true;
    } catch (Exception e) {
      throw new IllegalStateException("measuring the server's allocation: " + e, e);
    }
  }

  private static void measure(Server server, String name, int rounds,
      java.util.function.IntFunction<java.util.concurrent.CompletableFuture<Http.Response>> send)
      throws Exception {
    send.apply(-1).join(); // warm-up: classes loaded, caches filled
    long[] bytes = new long[rounds];
    java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (int i = 0; i < rounds; i++) {
      long before = server.allocatedBytes();
      Http.Response answer = send.apply(i).join();
      bytes[i] = server.allocatedBytes() - before;
      statuses.merge(answer.status(), 1, Integer::sum);
    }
    Arrays.sort(bytes);
    System.out.println(LoadMain.format("%-52s %,14d %,14d %,14d  %s", name, bytes[rounds / 2],
        bytes[0], bytes[rounds - 1], statuses));
  }

  /** The server's threads, read through its platform MXBean over a local JMX connection. */
  private record Server(JMXConnector connector, com.sun.management.ThreadMXBean threads)
      implements AutoCloseable {
    static Server attach(String pid) throws Exception {
      VirtualMachine vm = VirtualMachine.attach(pid);
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
      MBeanServerConnection connection = connector.getMBeanServerConnection();
      return new Server(connector, ManagementFactory.newPlatformMXBeanProxy(connection,
          ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class));
    }

    /** Bytes allocated so far by the server's live threads, all together. */
    long allocatedBytes() {
      long sum = 0;
      for (long each : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
        sum += Math.max(0, each); // -1: the thread ended between the two calls
      }
      return sum;
    }

    @Override
    public void close() throws Exception {
      connector.close();
    }
  }
}
