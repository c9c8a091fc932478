package dev.stele.bench;

import dev.stele.format.avro.AvroFormat;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotSettings;
import dev.stele.schema.SchemaSource;
import dev.stele.store.embedded.SqliteRecordLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Issue 18: an embedded data directory of a million schemas in minutes rather than the twenty
 * that registering them over HTTP takes. The records are the server's own (SCHEMA records of
 * Avro texts in the canonical form the server stores, ids from 1 up, versions from 1 up per
 * subject), appended through the embedded store's own path ({@link SqliteRecordLog#append}, in
 * batches, each one transaction) into a {@link RegistryState}; closing the log writes the state
 * snapshot exactly as a server's clean stop does. What it skips is the registry's checks
 * (compatibility, the pending state), which decide nothing about what is stored here.
 *
 * <p>Subjects: the first {@code --long} subjects get {@code --versions} versions each (interleaved,
 * as a registry grows), the others share the remaining schemas round-robin. At the defaults:
 * 16,000 subjects of 50 versions (800,000 schemas) and 184,000 subjects sharing 200,000 (one or
 * two versions each): a million schemas in 200,000 subjects. Run by bench/startup-1m.sh.
 */
public final class PopulateStoreMain {
  private PopulateStoreMain() {}

  private static String canonical(AvroFormat avro, String text) {
    try {
      return avro.parse(SchemaSource.of(text)).canonical();
    } catch (dev.stele.schema.InvalidSchemaException e) {
      throw new IllegalStateException("a generated schema does not parse: " + e.getMessage(), e);
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Path dir = Path.of(args.string("dir", "target/populated"));
    int schemas = args.integer("schemas", 1_000_000);
    int subjects = args.integer("subjects", 200_000);
    int longSubjects = args.integer("long", 16_000);
    int longVersions = args.integer("versions", 50);
    int bytes = args.integer("bytes", 1024);
    int batchSize = args.integer("batch", 5_000);
    int inLong = Math.min(schemas, longSubjects * longVersions);
    if (longSubjects >= subjects || (schemas > inLong && subjects == longSubjects)) {
      throw new IllegalArgumentException("--long must leave subjects for the other schemas");
    }
    if (Files.exists(dir.resolve(SqliteRecordLog.DB_FILE))) {
      throw new IllegalArgumentException(dir + " holds a store already; give a new --dir");
    }
    AvroFormat avro = new AvroFormat();
    RegistryState state = new RegistryState();
    SqliteRecordLog log = new SqliteRecordLog(dir, SnapshotSettings.fromProperties(Map.of(), dir));
    log.open(state);
    int[] versions = new int[subjects];
    long textBytes = 0;
    long start = System.nanoTime();
    CompletableFuture<Long> previous = CompletableFuture.completedFuture(-1L);
    for (int first = 0; first < schemas; first += batchSize) {
      int from = first;
      int to = Math.min(schemas, first + batchSize);
      // Parsing to the canonical text is most of the time here; the batch's texts in parallel.
      String[] texts = IntStream.range(from, to).parallel()
          .mapToObj(i -> canonical(avro, Schemas.event("pop", i, bytes)))
          .toArray(String[]::new);
      List<RegistryRecord> batch = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        int subject = i < inLong ? i % longSubjects
            : longSubjects + (i - inLong) % (subjects - longSubjects);
        String text = texts[i - from];
        textBytes += text.length();
        SchemaValue value = new SchemaValue(i + 1, "AVRO", List.of(), null, null, text, false);
        batch.add(new SchemaRecord("topic-" + subject + "-value", ++versions[subject], value));
      }
      previous.join(); // one batch committing while the next is parsed
      previous = log.append(batch);
      if ((to / batchSize) % 20 == 0) {
        System.out.printf("%,d schemas in %,d s%n", to, (System.nanoTime() - start) / 1_000_000_000);
      }
    }
    previous.join();
    System.out.printf("appended %,d schemas (%,d subjects, %,d versions; texts %,d bytes on average)"
        + " in %,d s; writing the snapshot%n", state.schemaCount(), state.subjectCount(),
        state.versionCount(), textBytes / Math.max(1, schemas),
        (System.nanoTime() - start) / 1_000_000_000);
    long closing = System.nanoTime();
    log.close(); // writes <dir>/snapshots/stele.db.snapshot, as a server's clean stop
    System.out.printf("closed (snapshot written) in %,d ms; %s%n",
        (System.nanoTime() - closing) / 1_000_000, dir.toAbsolutePath());
  }
}
