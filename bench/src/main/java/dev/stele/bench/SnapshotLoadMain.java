package dev.stele.bench;

import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotFile;
import dev.stele.registry.state.SnapshotMark;
import dev.stele.registry.state.SnapshotReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 18, in-process: how long a state snapshot of a million schemas takes to write and to
 * load, without a server, a broker or HTTP around it, so a profile (JFR) shows the load alone.
 * Builds the state by applying records (about 1 KB Avro schemas, {@code --subjects} subjects: a
 * tenth of them hold most of the versions, 30 each at the defaults, the rest two or three), writes the
 * snapshot to a file and loads it {@code --rounds} times into a fresh state, printing each time,
 * heap after a GC and the file's size. Run by bench/snapshot-load.sh.
 */
public final class SnapshotLoadMain {
  private SnapshotLoadMain() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int schemas = args.integer("schemas", 1_000_000);
    int subjects = args.integer("subjects", 200_000);
    int bytes = args.integer("bytes", 1024);
    int rounds = args.integer("rounds", 3);
    Path file = Path.of(args.string("file", "target/snapshot-load/_schemas.snapshot"));
    SnapshotFile snapshot = new SnapshotFile(file);

    if (!Files.exists(file) || args.string("rebuild", "false").equals("true")) {
      long start = System.nanoTime();
      RegistryState state = build(schemas, subjects, bytes);
      System.out.printf("built a state of %,d schemas in %,d subjects (%,d versions) in %,d ms%n",
          state.schemaCount(), state.subjectCount(), state.versionCount(), millisSince(start));
      report("heap with the built state", state);
      start = System.nanoTime();
      snapshot.write(state.copy(), new SnapshotMark("bench", state.lastOffset() + 1, Map.of()));
      System.out.printf("wrote %s (%,d MB) in %,d ms%n", file, Files.size(file) >> 20,
          millisSince(start));
    } else {
      System.out.printf("loading the existing %s (%,d MB); --rebuild true makes a new one%n", file,
          Files.size(file) >> 20);
    }
    for (int round = 1; round <= rounds; round++) {
      System.gc();
      RegistryState loaded = new RegistryState();
      // Wall time depends on what else runs on the machine; the loading thread's CPU time and
      // allocation much less, so they are printed too.
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
      long cpu = threads.getCurrentThreadCpuTime();
      long allocated = threads.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      try (SnapshotReader reader = snapshot.open()) {
        reader.restoreInto(loaded);
      }
      long ms = millisSince(start);
      System.out.printf("round %d: loaded %,d schemas, %,d subjects in %,d ms (%.2f µs a schema);"
          + " loading thread's CPU %,d ms, allocated %,d MB%n",
          round, loaded.schemaCount(), loaded.subjectCount(), ms,
          ms * 1000.0 / Math.max(1, loaded.schemaCount()),
          (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
          (threads.getCurrentThreadAllocatedBytes() - allocated) >> 20);
      report("heap with the loaded state", loaded);
      // What a store's applying thread pauses for when a snapshot is due: the copy it writes.
      start = System.nanoTime();
      RegistryState copy = loaded.copy();
      System.out.printf("round %d: copying the state for a snapshot took %,d ms (%,d schemas)%n",
          round, millisSince(start), copy.schemaCount());
      // What a clean stop waits for: writing the snapshot (to a second file, kept apart).
      SnapshotFile again = new SnapshotFile(file.resolveSibling(file.getFileName() + ".rewritten"));
      cpu = threads.getCurrentThreadCpuTime();
      allocated = threads.getCurrentThreadAllocatedBytes();
      start = System.nanoTime();
      again.write(copy, new SnapshotMark("bench", copy.lastOffset() + 1, Map.of()));
      System.out.printf("round %d: wrote the snapshot again in %,d ms; writing thread's CPU %,d ms,"
          + " allocated %,d MB%n", round, millisSince(start),
          (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
          (threads.getCurrentThreadAllocatedBytes() - allocated) >> 20);
    }
  }

  /**
   * The first tenth of the subjects take 60 % of the schemas (30 versions each at the default
   * sizes), the rest share the others round-robin (2 or 3 each): a share of subjects with long
   * histories and most with a few versions, as the issue describes.
   */
  private static RegistryState build(int schemas, int subjects, int bytes) {
    RegistryState state = new RegistryState();
    int big = Math.max(1, subjects / 10);
    int inBig = schemas * 6 / 10;
    int[] versions = new int[subjects];
    for (int i = 0; i < schemas; i++) {
      int subject = i < inBig ? i % big : big + (i - inBig) % Math.max(1, subjects - big);
      int version = ++versions[subject];
      SchemaValue value = new SchemaValue(i + 1, "AVRO", List.of(), null, null,
          Schemas.event("snap", i, bytes), false);
      state.apply(new SchemaRecord("topic-" + subject + "-value", version, value), i, 1_700_000_000_000L + i);
    }
    return state;
  }

  private static void report(String what, RegistryState keep) {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    System.out.printf("%s: %,d MB used after GC (%,d schemas)%n", what,
        (runtime.totalMemory() - runtime.freeMemory()) >> 20, keep.schemaCount());
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
