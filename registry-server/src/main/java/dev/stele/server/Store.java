package dev.stele.server;

import dev.stele.registry.cluster.LeaderElector;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.state.SnapshotSettings;
import dev.stele.store.embedded.SqliteRecordLog;
import dev.stele.store.kafka.KafkaLeaderElector;
import dev.stele.store.kafka.KafkaRecordLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store a server runs on, so that the wiring asks it rather than which kind it is: its log,
 * how the start-up line names it, the id of the Kafka cluster it lives in (known once the log is
 * open) and, for a log several nodes share, the election that picks the one node writing to it.
 *
 * @param elector present when the log is shared: the node then writes only while elected
 */
record Store(RecordLog log, String description, Supplier<String> clusterId,
    Optional<LeaderElector> elector) {

  /** Kafka when {@code kafkastore.bootstrap.servers} is set, else the embedded store. */
  static Store of(ServerConfig config, Path dataDir) throws StartException {
    return config.kafkaStore() != null ? kafka(config) : embedded(dataDir, config.snapshots());
  }

  /** The schema topic, shared by every node of the group; a node writes while elected. */
  private static Store kafka(ServerConfig config) {
    KafkaRecordLog log = KafkaRecordLog.member(config.kafkaStore());
    return new Store(log, "Kafka store: " + log.describe(), log::clusterId,
        Optional.of(new KafkaLeaderElector(config.kafkaStore(), config.groupId(),
            config.cluster().timing(), config.cluster().sticky())));
  }

  /**
   * A SQLite file in {@code dataDir} (created here), this node's alone. It belongs to no Kafka
   * cluster: its cluster id is empty.
   */
  private static Store embedded(Path dataDir, SnapshotSettings snapshots) throws StartException {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StartException("cannot create the data directory " + dataDir + ": " + e, e);
    }
    return new Store(new SqliteRecordLog(dataDir, snapshots), "embedded store at " + dataDir, () -> "",
        Optional.empty());
  }
}
