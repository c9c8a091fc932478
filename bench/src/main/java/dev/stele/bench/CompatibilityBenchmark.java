package dev.stele.bench;

import dev.stele.format.avro.AvroFormat;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one FULL_TRANSITIVE registration into a subject of {@code versions} evolving versions
 * costs inside the server, apart from HTTP and the store: parsing the new schema, checking it both
 * ways against every version (what the server does with its parsed-schema cache warm; since
 * format-avro's {@code RecordPrints} these evolutions are proven without Avro's checker), and
 * parsing the whole history (what it does once when that cache is cold, e.g. after a restart).
 * Run with bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class CompatibilityBenchmark {
  @Param({"1000"})
  int versions;

  private TransitiveCase subject;

  @Setup
  public void setUp() throws InvalidSchemaException {
    List<String> historyTexts = new ArrayList<>();
    for (int k = 1; k <= versions; k++) {
      historyTexts.add(Schemas.evolving("Evolving", k));
    }
    subject = new TransitiveCase(new AvroFormat(), historyTexts, Schemas.evolving("Evolving", versions + 1));
    if (!checkAllBothWays().isCompatible()) {
      throw new IllegalStateException("the evolving versions should all be compatible");
    }
  }

  /** Parsing and validating the submitted schema (the server does it twice per registration). */
  @Benchmark
  public ParsedSchema parseCandidate() throws InvalidSchemaException {
    return subject.parseCandidate();
  }

  /** FULL (not transitive): the new schema against the latest version, both ways. */
  @Benchmark
  public CompatibilityResult checkLatestBothWays() {
    return subject.latestBothWays();
  }

  /** FULL_TRANSITIVE with a warm cache: both ways against every version, newest first. */
  @Benchmark
  public CompatibilityResult checkAllBothWays() {
    return subject.fullTransitive();
  }

  /** The cold-cache cost: parsing every stored version once, leniently as the server does. */
  @Benchmark
  public int parseHistory() throws InvalidSchemaException {
    return subject.parseHistory();
  }
}
