package dev.stele.registry.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.format.avro.AvroFormat;
import dev.stele.registry.MemoryLog;
import dev.stele.registry.Nodes;
import dev.stele.registry.RegistryNode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormats;
import dev.stele.schema.SchemaSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registrations check compatibility off the writer thread: a check that takes long holds up only
 * its own registration, its verdict is reused by the writer, and a verdict reached against a
 * history that moved on is not trusted.
 */
class PrecheckTest {
  private static final String V1 = record("a");
  private final GatedAvro format = new GatedAvro();
  private final RegistryNode node = RegistryNode.open(new MemoryLog(), SchemaFormats.of(format),
      NodeOptions.DEFAULTS);

  @AfterEach
  void close() {
    format.gate.countDown();
    node.close();
  }

  @Test
  void theWriterReusesTheVerdictReachedAheadOfIt() {
    register("s", V1);
    int before = format.checks.get();
    assertThat(register("s", record("a", "b")).version()).isEqualTo(2);
    assertThat(format.checks.get() - before).as("one check, made off the writer thread").isEqualTo(1);
    assertThat(format.threads).allMatch(name -> name.startsWith("stele-check"));
  }

  @Test
  void aSlowCheckHoldsUpOnlyItsOwnRegistration() throws Exception {
    register("slow", V1);
    register("other", V1);
    format.holdNextCheck();
    CompletableFuture<Results.Registered> slow = registerAsync("slow", record("a", "b"));
    assertThat(format.held.await(5, TimeUnit.SECONDS)).as("the slow check started").isTrue();

    // Another subject's registration, with a check of its own, completes meanwhile.
    assertThat(register("other", record("a", "c")).version()).isEqualTo(2);
    assertThat(slow).isNotDone();

    format.gate.countDown();
    assertThat(slow.get(5, TimeUnit.SECONDS).version()).isEqualTo(2);
  }

  @Test
  void aVerdictReachedAgainstAHistoryThatMovedOnIsCheckedAgain() throws Exception {
    register("s", V1);
    format.holdNextCheck();
    CompletableFuture<Results.Registered> late = registerAsync("s", record("a", "b"));
    assertThat(format.held.await(5, TimeUnit.SECONDS)).isTrue();
    // Meanwhile another version lands: the held verdict was reached against version 1 only.
    assertThat(register("s", record("a", "c")).version()).isEqualTo(2);
    int before = format.checks.get();

    format.gate.countDown();
    assertThat(late.get(5, TimeUnit.SECONDS).version()).isEqualTo(3);
    assertThat(format.checks.get() - before).as("the writer checked against version 2 itself")
        .isEqualTo(1);
  }

  private Results.Registered register(String subject, String schema) {
    return Nodes.await(registerAsync(subject, schema));
  }

  private CompletableFuture<Results.Registered> registerAsync(String subject, String schema) {
    return node.registry().register(new Requests.Register(subject, SchemaPayload.of(schema, null), false,
        null, null)).toCompletableFuture();
  }

  /** A record with string fields; every field after the first has a default (BACKWARD-safe). */
  private static String record(String first, String... more) {
    StringBuilder fields = new StringBuilder("{\"name\":\"" + first + "\",\"type\":\"string\"}");
    for (String name : more) {
      fields.append(",{\"name\":\"").append(name).append("\",\"type\":\"string\",\"default\":\"\"}");
    }
    return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}";
  }

  /** Avro, whose next check can be held until the test lets it go; counts checks and their threads. */
  private static final class GatedAvro implements SchemaFormat {
    private final AvroFormat avro = new AvroFormat(false);
    final AtomicInteger checks = new AtomicInteger();
    final java.util.Queue<String> threads = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final CountDownLatch gate = new CountDownLatch(1);
    volatile CountDownLatch held = new CountDownLatch(1);
    private volatile boolean holdNext;

    void holdNextCheck() {
      held = new CountDownLatch(1);
      holdNext = true;
    }

    @Override
    public String type() {
      return avro.type();
    }

    @Override
    public ParsedSchema parse(SchemaSource source) throws dev.stele.schema.InvalidSchemaException {
      return avro.parse(source);
    }

    @Override
    public CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles) {
      checks.incrementAndGet();
      threads.add(Thread.currentThread().getName());
      if (holdNext) {
        holdNext = false;
        held.countDown();
        try {
          gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return avro.checkCanRead(reader, writer, roles);
    }
  }
}
