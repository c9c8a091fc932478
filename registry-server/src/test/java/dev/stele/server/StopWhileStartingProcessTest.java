package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.server.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while the server is still starting (here: waiting up to a minute for a Kafka that is
 * not there) ends the process at once and cleanly: no "Shutdown in progress", the start
 * abandoned and what it opened closed. {@code Main} runs in a child JVM on this module's class
 * path; its output is read back.
 */
class StopWhileStartingProcessTest {
  @TempDir Path dir;
  private Process process;

  @AfterEach
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void sigtermDuringTheStartStopsItCleanly() throws Exception {
    int nothingListens;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nothingListens = socket.getLocalPort();
    }
    Path properties = dir.resolve("stele.properties");
    Files.writeString(properties, "listeners=http://127.0.0.1:" + ChildJvm.freePort() + "\n"
        + "kafkastore.bootstrap.servers=PLAINTEXT://127.0.0.1:" + nothingListens + "\n"
        + "kafkastore.init.timeout.ms=60000\n");
    Path output = dir.resolve("out.log");
    process = new ProcessBuilder(ChildJvm.mainCommand("256m", properties))
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    long waitedMillis = 0;
    while (!read(output).contains("Connecting to Kafka at") && waitedMillis < 30_000) {
      assertThat(process.isAlive()).as("exited early:\n%s", read(output)).isTrue();
      Thread.sleep(100);
      waitedMillis += 100;
    }
    assertThat(read(output)).contains("Connecting to Kafka at");

    long before = System.nanoTime();
    process.destroy(); // SIGTERM
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    System.out.printf("stopped %d ms after SIGTERM%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));

    String log = read(output);
    assertThat(process.exitValue()).as(log).isEqualTo(143); // 128 + SIGTERM, after the hooks
    assertThat(log).contains("Stopping Stele while it starts", "Stele stopped while starting")
        .doesNotContain("Shutdown in progress").doesNotContain("Exception");
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
