package dev.stele.bench;

import dev.stele.format.avro.AvroFormat;
import dev.stele.format.avro.AvroSchema;
import dev.stele.schema.CommonKind;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.SchemaFormat.Roles;
import dev.stele.schema.SchemaSource;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.SchemaCompatibility;

/**
 * Issue 17: the bytes one Avro compatibility check allocates on the hostile corpus' widest unions
 * (700 branches, the default {@code stele.schema.max.union.branches}), Avro's checker alone (what
 * the server ran before format-avro's {@code ResolutionCheck}) against the server's check now
 * ({@code AvroFormat.checkCanRead}: the count of its work, then the check). Allocation, not time,
 * is the figure: Avro remembers each pair it compares until the check ends, and that garbage is
 * what stalled the serial collector under {@code bench/hostile.sh}. Times are printed too, for
 * orientation only. Run: {@code bench/union-alloc.sh [part of a case's name]}.
 */
public final class UnionCheckAllocation {
  private static final int ROUNDS = 7;
  /** The cases whose name holds this (the first argument); all without one. */
  private static String only = "";
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private UnionCheckAllocation() {}

  public static void main(String[] args) throws Exception {
    only = args.length > 0 ? args[0] : "";
    IntFunction<String> fixed = i -> "{\"type\":\"fixed\",\"name\":\"F" + i + "\",\"size\":1}";
    IntFunction<String> other = i -> "{\"type\":\"fixed\",\"name\":\"G" + i + "\",\"size\":1}";
    IntFunction<String> enums =
        i -> "{\"type\":\"enum\",\"name\":\"E" + i + "\",\"symbols\":[\"A\",\"B\"]}";
    System.out.printf("%-44s %14s %14s %10s %10s%n", "case (reader <- writer)",
        "Avro alone B", "Stele now B", "Avro ms", "Stele ms");
    run("700 fixed <- 701 fixed (a branch added)", union(700, fixed), union(701, fixed));
    run("701 fixed <- 700 fixed", union(701, fixed), union(700, fixed));
    run("699 fixed <- 700 fixed (a branch removed)", union(699, fixed), union(700, fixed));
    run("700 fixed <- 700 other fixed (none common)", union(700, fixed), union(700, other));
    run("700 enums <- 701 enums", union(700, enums), union(701, enums));
    IntFunction<String> flat = i -> "{\"type\":\"record\",\"name\":\"F" + i
        + "\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    IntFunction<String> deep = i -> "{\"type\":\"record\",\"name\":\"F" + i
        + "\",\"fields\":[{\"name\":\"x\",\"type\":[\"null\",\"int\"]}]}";
    run("250 flat records <- 300 flat records", union(250, flat), union(300, flat));
    run("150 records <- 180 records, union fields", union(150, deep), union(180, deep));
    // No union: a wide record whose new field has no default (not proven by RecordPrints), so
    // the check runs; past AVRO_ALONE it is ResolutionCheck's too, and must not cost more.
    run("6,001 fields <- 6,000 fields (no union)", fields(6_001), fields(6_000));
  }

  /** A record of {@code n} int fields. */
  private static String fields(int n) {
    return "{\"type\":\"record\",\"name\":\"W\",\"fields\":" + IntStream.range(0, n)
        .mapToObj(i -> "{\"name\":\"f" + i + "\",\"type\":\"int\"}")
        .collect(Collectors.joining(",", "[", "]")) + "}";
  }

  /** A record whose field {@code u} is a union of {@code n} branches, as the corpus writes it. */
  private static String union(int n, IntFunction<String> branch) {
    return "{\"type\":\"record\",\"name\":\"W\",\"fields\":[{\"name\":\"u\",\"type\":"
        + IntStream.range(0, n).mapToObj(branch).collect(Collectors.joining(",", "[", "]"))
        + "}]}";
  }

  private static void run(String name, String readerText, String writerText) throws Exception {
    if (!name.contains(only)) {
      return;
    }
    AvroFormat format = new AvroFormat();
    AvroSchema reader = format.parse(SchemaSource.of(readerText));
    AvroSchema writer = format.parse(SchemaSource.of(writerText));
    long[] avro = measure(() -> SchemaCompatibility
        .checkReaderWriterCompatibility(reader.avro(), writer.avro()).getType());
    long[] stele = measure(() -> {
      CompatibilityResult result = format.checkCanRead(reader, writer, Roles.NEW_READS_OLD);
      if (result.incompatibilities().stream().anyMatch(i -> i.kind() instanceof CommonKind)) {
        throw new IllegalStateException(name + ": aborted or failed " + result);
      }
      return result;
    });
    System.out.printf("%-44s %,14d %,14d %10.1f %10.1f%n", name, avro[0], stele[0],
        avro[1] / 1e6, stele[1] / 1e6);
  }

  /** The median bytes allocated by one call on this thread, and its median time in ns. */
  private static long[] measure(Supplier<?> check) {
    long[] bytes = new long[ROUNDS];
    long[] nanos = new long[ROUNDS];
    check.get(); // warm: classes loaded, code compiled at least once
    for (int i = 0; i < ROUNDS; i++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      check.get();
      nanos[i] = System.nanoTime() - start;
      bytes[i] = THREADS.getCurrentThreadAllocatedBytes() - before;
    }
    Arrays.sort(bytes);
    Arrays.sort(nanos);
    return new long[] {bytes[ROUNDS / 2], nanos[ROUNDS / 2]};
  }
}
