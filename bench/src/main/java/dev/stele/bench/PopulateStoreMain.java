package dev.stele.bench;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotSettings;
import dev.stele.store.embedded.SqliteRecordLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 18: an embedded data directory of a million schemas in minutes rather than the twenty
 * that registering them over HTTP takes. The records are the server's own ({@link
 * PopulationLayout}: SCHEMA records of Avro texts in canonical form, ids and versions from 1 up),
 * appended through the embedded store's own path ({@link SqliteRecordLog#append}, in batches,
 * each one transaction) into a {@link RegistryState}; closing the log writes the state snapshot
 * exactly as a server's clean stop does. What it skips is the registry's checks (compatibility,
 * the pending state), which decide nothing about what is stored here. Run by {@code POPULATE=store
 * bench/startup.sh}; {@link PopulateTopicMain} writes the same registry into a Kafka topic.
 */
public final class PopulateStoreMain {
  private PopulateStoreMain() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Path dir = Path.of(args.string("dir", "target/populated"));
    PopulationLayout layout = PopulationLayout.of(args);
    int schemas = layout.schemas;
    int batchSize = args.integer("batch", 5_000);
    if (Files.exists(dir.resolve(SqliteRecordLog.DB_FILE))) {
      throw new IllegalArgumentException(dir + " holds a store already; give a new --dir");
    }
    RegistryState state = new RegistryState();
    SqliteRecordLog log = new SqliteRecordLog(dir, SnapshotSettings.fromProperties(Map.of(), dir));
    log.open(state);
    long start = System.nanoTime();
    CompletableFuture<Long> previous = CompletableFuture.completedFuture(-1L);
    for (int from = 0; from < schemas; from += batchSize) {
      int to = Math.min(schemas, from + batchSize);
      List<RegistryRecord> batch = layout.records(from, to);
      previous.join(); // one batch committing while the next is parsed
      previous = log.append(batch);
      if ((to / batchSize) % 20 == 0) {
        System.out.printf("%,d schemas in %,d s%n", to, (System.nanoTime() - start) / 1_000_000_000);
      }
    }
    previous.join();
    System.out.printf("appended %,d schemas (%,d subjects, %,d versions; texts %,d bytes on average)"
        + " in %,d s; writing the snapshot%n", state.schemaCount(), state.subjectCount(),
        state.versionCount(), layout.averageTextChars(schemas),
        (System.nanoTime() - start) / 1_000_000_000);
    long closing = System.nanoTime();
    log.close(); // writes <dir>/snapshots/stele.db.snapshot, as a server's clean stop
    System.out.printf("closed (snapshot written) in %,d ms; %s%n",
        (System.nanoTime() - closing) / 1_000_000, dir.toAbsolutePath());
  }
}
