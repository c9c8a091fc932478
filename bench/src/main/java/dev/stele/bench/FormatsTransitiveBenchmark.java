package dev.stele.bench;

import dev.stele.format.avro.AvroFormat;
import dev.stele.format.jsonschema.JsonSchemaFormat;
import dev.stele.format.protobuf.ProtobufFormat;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormats;
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
 * Issue 4's speed target: a FULL_TRANSITIVE check of a {@code fields}-field schema against
 * {@code versions} versions, in each format, through the {@link SchemaFormat} SPI as the core's
 * CompatibilityCheck calls it (newest version first; old reads new, then new reads old). The
 * history is parsed once in {@link #setUp} (the server's parsed-schema cache, warm), so
 * {@link #fullTransitive} measures the checks alone; {@link #parseCandidate} is what a
 * registration adds (the server parses the submitted schema), {@link #parseHistory} what a cold
 * cache costs once. Version k of the history has {@code fields - versions + k - 1} fields, the
 * candidate {@code fields}: every pair is compatible (see {@link WideSchemas}), which setUp
 * checks, so no check stops early. Run with bench/jmh.sh FormatsTransitiveBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class FormatsTransitiveBenchmark {
  @Param({"AVRO", "JSON", "PROTOBUF"})
  String format;

  @Param({"500"})
  int fields;

  @Param({"100"})
  int versions;

  private TransitiveCase subject;

  @Setup
  public void setUp() throws InvalidSchemaException {
    SchemaFormat schemaFormat = SchemaFormats.of(new AvroFormat(), new JsonSchemaFormat(), new ProtobufFormat())
        .find(format).orElseThrow();
    List<String> historyTexts = new ArrayList<>();
    for (int k = 1; k <= versions; k++) {
      historyTexts.add(WideSchemas.of(format, fields - versions + k - 1));
    }
    subject = new TransitiveCase(schemaFormat, historyTexts, WideSchemas.of(format, fields));
    long start = System.nanoTime();
    CompatibilityResult result = fullTransitive();
    long elapsed = System.nanoTime() - start;
    if (!result.isCompatible()) {
      throw new IllegalStateException(format + ": the wide versions should all be compatible: "
          + result.incompatibilities());
    }
    // The cold number the JMH score hides: the first check in this JVM, before the JIT.
    System.out.printf("%n%s: first FULL_TRANSITIVE check in this JVM: %.1f ms%n", format,
        elapsed / 1e6);
  }

  /** FULL_TRANSITIVE with the parsed history cached: both ways against every version. */
  @Benchmark
  public CompatibilityResult fullTransitive() {
    return subject.fullTransitive();
  }

  /** Parsing and validating the submitted schema, as a registration does. */
  @Benchmark
  public ParsedSchema parseCandidate() throws InvalidSchemaException {
    return subject.parseCandidate();
  }

  /** The cold-cache cost: parsing every stored version once, leniently as the server does. */
  @Benchmark
  public int parseHistory() throws InvalidSchemaException {
    return subject.parseHistory();
  }
}
