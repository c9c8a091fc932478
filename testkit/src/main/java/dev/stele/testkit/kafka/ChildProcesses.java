package dev.stele.testkit.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The last resort against leaked brokers: every child process started by this JVM's fixtures is
 * registered here, and one shutdown hook kills those still alive when the JVM exits (a test that
 * forgot {@code close()}, a failing {@code @BeforeAll}). A SIGKILLed test JVM runs no hook; for that
 * case each broker watches its standard input ({@link BrokerMain}).
 */
final class ChildProcesses {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "stele-kafka-reaper"));
  }

  private ChildProcesses() {}

  static void register(Process process) {
    LIVE.add(process);
    process.onExit().thenRun(() -> LIVE.remove(process));
  }

  /** SIGKILL and wait: the process is gone when this returns (or after 30 s of a wedged kernel). */
  static void kill(Process process) {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LIVE.remove(process);
  }

  private static void killAll() {
    for (Process process : LIVE) {
      process.destroyForcibly();
    }
  }
}
