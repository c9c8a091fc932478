package dev.stele.bench;

import dev.stele.format.avro.AvroFormat;
import dev.stele.format.avro.AvroSchema;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat.Roles;
import dev.stele.schema.SchemaSource;
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
 * ways against every version (what the server does with its parsed-schema cache warm), and
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

  private final AvroFormat format = new AvroFormat();
  private final List<String> historyTexts = new ArrayList<>();
  private final List<ParsedSchema> history = new ArrayList<>();
  private final List<FieldPrints> historyPrints = new ArrayList<>();
  private String candidateText;
  private ParsedSchema candidate;

  @Setup
  public void setUp() throws InvalidSchemaException {
    for (int k = 1; k <= versions; k++) {
      String text = Schemas.evolving("Evolving", k);
      historyTexts.add(text);
      history.add(format.parse(new SchemaSource(text, List.<ResolvedReference>of(), false)));
    }
    candidateText = Schemas.evolving("Evolving", versions + 1);
    candidate = format.parse(SchemaSource.of(candidateText));
    for (ParsedSchema old : history) {
      historyPrints.add(FieldPrints.of(((AvroSchema) old).avro()));
    }
    if (!checkAll().isCompatible() || fastPathAllBothWays() != versions) {
      throw new IllegalStateException("the evolving versions should all be compatible");
    }
  }

  /** Parsing and validating the submitted schema (the server does it twice per registration). */
  @Benchmark
  public ParsedSchema parseCandidate() throws InvalidSchemaException {
    return format.parse(SchemaSource.of(candidateText));
  }

  /** FULL (not transitive): the new schema against the latest version, both ways. */
  @Benchmark
  public CompatibilityResult checkLatestBothWays() {
    ParsedSchema latest = history.get(history.size() - 1);
    return format.checkCanRead(candidate, latest, Roles.NEW_READS_OLD)
        .merge(format.checkCanRead(latest, candidate, Roles.OLD_READS_NEW));
  }

  /** FULL_TRANSITIVE with a warm cache: both ways against every version, newest first. */
  @Benchmark
  public CompatibilityResult checkAllBothWays() {
    return checkAll();
  }

  /** The cold-cache cost: parsing every stored version once, leniently as the server does. */
  @Benchmark
  public int parseHistory() throws InvalidSchemaException {
    int fields = 0;
    for (String text : historyTexts) {
      fields += format.parse(new SchemaSource(text, List.<ResolvedReference>of(), false)).canonical().length();
    }
    return fields;
  }

  /**
   * The prototype fast path of {@link FieldPrints}: fingerprints of the candidate computed per
   * call (the server would do it once per registration), those of the history once (the server
   * would keep them with its cached parsed schemas). Returns how many versions it proved.
   */
  @Benchmark
  public int fastPathAllBothWays() {
    FieldPrints mine = FieldPrints.of(((AvroSchema) candidate).avro());
    int proved = 0;
    for (int i = historyPrints.size() - 1; i >= 0; i--) {
      FieldPrints old = historyPrints.get(i);
      if (FieldPrints.surelyReads(mine, old) && FieldPrints.surelyReads(old, mine)) {
        proved++;
      }
    }
    return proved;
  }

  private CompatibilityResult checkAll() {
    CompatibilityResult result = CompatibilityResult.COMPATIBLE;
    for (int i = history.size() - 1; i >= 0; i--) {
      ParsedSchema old = history.get(i);
      result = result.merge(format.checkCanRead(candidate, old, Roles.NEW_READS_OLD))
          .merge(format.checkCanRead(old, candidate, Roles.OLD_READS_NEW));
    }
    return result;
  }
}
