package dev.stele.testkit.kafka;

import java.io.IOException;

/**
 * The main class of a broker child process: {@code kafka.Kafka} plus a watch on standard input.
 * The test JVM holds the write end of that pipe and never writes to it, so the read below returns
 * end-of-file exactly when the test JVM is gone, however it died (even by SIGKILL, when no
 * shutdown hook runs). The broker then halts at once, so no broker outlives its tests. Public only
 * because the {@code java} launcher must reach it.
 */
public final class BrokerMain {
  private BrokerMain() {}

  public static void main(String[] args) {
    Thread watch = new Thread(BrokerMain::haltWhenParentGoes, "stele-parent-watch");
    watch.setDaemon(true);
    watch.start();
    kafka.Kafka.main(args);
  }

  private static void haltWhenParentGoes() {
    try {
      while (System.in.read() >= 0) {
        // nothing is ever written; a byte would only mean a confused parent
      }
    } catch (IOException e) {
      // a broken pipe means the same as end-of-file
    }
    Runtime.getRuntime().halt(137);
  }
}
