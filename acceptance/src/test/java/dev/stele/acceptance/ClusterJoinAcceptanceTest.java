package dev.stele.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.testkit.kafka.KafkaBrokers;
import dev.stele.testkit.load.RollingTraffic;
import dev.stele.testkit.server.KafkaServers;
import dev.stele.testkit.server.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 13, "joining a cluster without errors": writes go to every instance, in turn, while a
 * new instance joins (it is written to as soon as it listens, before it knows the leader) and while the cluster is rolled: each instance in turn is stopped with
 * SIGTERM, as systemd or Kubernetes stop it, and started again. No write may fail. With the
 * sticky election (the default) leadership moves once per stop of the leader, never back when
 * an instance returns. Afterwards every acknowledged registration is on every instance with its
 * id. A write whose reused kept-alive connection the stopping instance closed before any answer
 * is resent once, as the Confluent Java client's transport (HttpURLConnection) does; those are
 * counted and printed apart, and a second such cut counts as failed. {@code -Dstele.join.rounds=N}
 * rolls the cluster N times (1 by default); {@code -Dstele.ceiling.join.progress.ms} and
 * {@code -Dstele.ceiling.join.answer.ms} raise the hang guards on a slower machine.
 */
@Isolated // alone: it stops and starts servers and counts every answer
class ClusterJoinAcceptanceTest {
  private static final int ROUNDS = Integer.getInteger("stele.join.rounds", 1);
  /** Hang guards on the shared 2-core machine, not speed targets: the run prints what it took. */
  private static final Ceiling PROGRESS = Ceiling.of("join.progress", Duration.ofSeconds(120));
  private static final Ceiling ANSWER = Ceiling.of("join.answer", Duration.ofSeconds(60));

  @RegisterExtension static final KafkaBrokers KAFKA = KafkaBrokers.of(1);
  @TempDir static Path work;

  @Test
  void noWriteFailsWhileAnInstanceJoinsOrTheLeaderMoves() throws Exception {
    Map<String, String> extra = Map.of("schema.compatibility.level", "none",
        "kafkastore.timeout.ms", "5000");
    List<ServerProcess> servers = new ArrayList<>();
    RollingTraffic load = null;
    List<String> phases = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        servers.add(KafkaServers.start(work.resolve("node-" + i), KAFKA.bootstrapServers(), extra));
      }
      int leader = KafkaServers.awaitOneLeader(servers);
      load = new RollingTraffic(servers.stream().map(ServerProcess::url).toList(), "join",
          ANSWER.limit());
      load.start(4, 0);
      load.awaitMoreWrites(50, PROGRESS.limit());

      // A third instance joins. Its start returns once it answers GET /, which it does before it
      // knows the leader (it listens first, so peers can forward to it), and it is written to
      // from then on, so writes reach it in the window that used to answer 50004.
      long joinAt = System.nanoTime();
      servers.add(KafkaServers.start(work.resolve("node-2"), KAFKA.bootstrapServers(), extra));
      load.add(servers.get(2).url());
      int after = KafkaServers.awaitOneLeader(servers);
      phases.add("join: ready after " + (System.nanoTime() - joinAt) / 1_000_000 + " ms, "
          + load.writes().acknowledged() + " acks, " + load.writes().failed() + " failed");
      assertThat(servers.get(after).url()).as("the leader after a join (sticky)")
          .isEqualTo(servers.get(leader).url());
      load.awaitMoreWrites(50, PROGRESS.limit());

      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < servers.size(); i++) {
          leader = KafkaServers.awaitOneLeader(servers);
          boolean wasLeader = i == leader;
          long stopAt = System.nanoTime();
          servers.get(i).stop(); // SIGTERM
          long stopped = System.nanoTime();
          load.awaitMoreWrites(30, PROGRESS.limit());
          servers.get(i).restart();
          int now = KafkaServers.awaitOneLeader(servers);
          phases.add((wasLeader ? "leader" : "follower") + " stop " + (stopped - stopAt) / 1_000_000
              + " ms, back and all ready after " + (System.nanoTime() - stopAt) / 1_000_000
              + " ms: " + load.writes().acknowledged() + " acks, " + load.writes().failed() + " failed");
          if (wasLeader) {
            assertThat(now).as("leadership moved away from the stopped leader").isNotEqualTo(i);
          } else {
            assertThat(now).as("leadership stays where it was (sticky)").isEqualTo(leader);
          }
          load.awaitMoreWrites(30, PROGRESS.limit());
        }
      }
      load.close();
      System.out.printf("Rolling writes: %s (not sent: nothing listening, sent to the next"
          + " instance; resent: kept-alive connection closed without an answer), slowest answer"
          + " %d ms; %s%n", load.writes(), load.slowestMillis(), phases);
      assertThat(load.failedWrites()).as("failed writes\n" + KafkaServers.events(servers))
          .isEmpty();
      for (ServerProcess server : servers) {
        assertThat(load.lostOn(server.url(), Duration.ofSeconds(10)))
            .as("acknowledged writes missing on %s", server.url()).isEmpty();
      }
    } finally {
      if (load != null) {
        load.close();
      }
      servers.forEach(ServerProcess::close);
    }
  }
}
