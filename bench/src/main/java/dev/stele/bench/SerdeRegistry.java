package dev.stele.bench;

import dev.stele.client.ClientConfig;
import dev.stele.client.testing.TestRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process Stele server of the serde benchmarks and the serdes configured on it, closed
 * together at the end of a trial. Set-up only: nothing here runs inside a measured method.
 */
final class SerdeRegistry implements AutoCloseable {
  private final TestRegistry registry;
  private final List<AutoCloseable> serdes = new ArrayList<>();

  /**
   * What the three serde benchmarks share: their JMH settings (inherited by the subclass), a
   * registry started before the trial for {@link #prepare} and closed after it, and the measured
   * Stele side ({@link #steleSerialize}, {@link #steleDeserialize}) of the serdes that
   * {@link #measure} names. The bare library's side is the subclasses' own.
   *
   * @param <T> what the serializer writes
   */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
  public abstract static class Trial<T> {
    private static final String TOPIC = "orders";

    private SerdeRegistry registry;
    private Serializer<T> serializer;
    private Deserializer<?> deserializer;
    private T value;
    private byte[] framed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      registry = start();
      prepare(registry);
    }

    /** Configures the serdes on {@code registry} and calls {@link #measure} with them. */
    protected abstract void prepare(SerdeRegistry registry) throws Exception;

    /**
     * Names the serdes and the value the Stele side measures, and makes the first call of each
     * (the one that asks the registry), so the measured calls find the schema id cached.
     *
     * @return the framed bytes {@link #steleDeserialize} reads
     */
    protected final byte[] measure(Serializer<T> serializer, Deserializer<?> deserializer, T value) {
      this.serializer = serializer;
      this.deserializer = deserializer;
      this.value = value;
      framed = serializer.serialize(TOPIC, value);
      deserializer.deserialize(TOPIC, framed);
      return framed;
    }

    @Benchmark
    public byte[] steleSerialize() {
      return serializer.serialize(TOPIC, value);
    }

    @Benchmark
    public Object steleDeserialize() {
      return deserializer.deserialize(TOPIC, framed);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      registry.close();
    }
  }

  private SerdeRegistry(TestRegistry registry) {
    this.registry = registry;
  }

  static SerdeRegistry start() throws Exception {
    return new SerdeRegistry(TestRegistry.start());
  }

  /** Configures {@code serializer} as a value serializer on this registry, plus {@code extra}. */
  <S extends Serializer<?>> S serializer(S serializer, Map<String, Object> extra) {
    serializer.configure(configs(extra), false);
    serdes.add(serializer);
    return serializer;
  }

  /** Configures {@code deserializer} as a value deserializer on this registry, plus {@code extra}. */
  <D extends Deserializer<?>> D deserializer(D deserializer, Map<String, Object> extra) {
    deserializer.configure(configs(extra), false);
    serdes.add(deserializer);
    return deserializer;
  }

  /**
   * Fails the trial unless the serde's payload (the framed bytes after the header) is the bare
   * library's: otherwise the two sides would not measure the same work.
   */
  static void requireSamePayload(byte[] payload, byte[] bare, String library) {
    if (!Arrays.equals(payload, bare)) {
      throw new IllegalStateException("the serializer's payload differs from " + library + "'s");
    }
  }

  private Map<String, Object> configs(Map<String, Object> extra) {
    Map<String, Object> configs = new HashMap<>(extra);
    configs.put(ClientConfig.URL, registry.url());
    return configs;
  }

  /** A client of this registry, to register schemas (with rules) before a trial; the caller closes it. */
  dev.stele.client.CachedSchemaRegistryClient client() {
    return new dev.stele.client.CachedSchemaRegistryClient(ClientConfig.forUrls(registry.url()));
  }

  /** Closes the serdes in the order they were configured, then the server. */
  @Override
  public void close() throws Exception {
    for (AutoCloseable serde : serdes) {
      serde.close();
    }
    registry.close();
  }
}
