package dev.stele.bench;

import dev.stele.registry.log.RecordCodec;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.NoopRecord;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Issue 18: a Kafka schema topic of a million schemas in minutes rather than the twenty that
 * registering them through Stele's HTTP API takes. It writes what a Stele server would have: the
 * topic made as the server makes it (one partition, compacted), a NOOP first (a fresh server's
 * first leader writes one when it takes over), then the SCHEMA records of {@link
 * PopulationLayout} (the same registry {@link PopulateStoreMain} writes into an embedded
 * directory), their keys and values made by the registry's own {@link RecordCodec}, the codec the
 * Kafka store writes with.
 *
 * <p>One plain producer (idempotent, acks=all, large batches), not a transactional one: the
 * store's reader reads read_committed, which sees records written outside any transaction as soon
 * as they are acknowledged. So the topic lacks only the transaction markers a server's writes
 * leave, which no reader delivers. What it skips is the registry's checks (compatibility), which
 * decide nothing about what is stored here.
 *
 * <p>Usage: {@code java -cp stele-bench.jar dev.stele.bench.PopulateTopicMain --bootstrap HOST:PORT
 * --topic _schemas [--schemas 1000000 --subjects 200000 --long 16000 --versions 50 --bytes 1024]
 * [--compression none] [--sample-id N --sample-out FILE]}: writes the text of schema id N (the
 * last by default) to FILE, for a check against {@code GET /schemas/ids/N}. Run by {@code
 * POPULATE=topic bench/kafka-snapshot.sh}.
 */
public final class PopulateTopicMain {
  private PopulateTopicMain() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String bootstrap = args.string("bootstrap", "127.0.0.1:9092");
    String topic = args.string("topic", "_schemas");
    PopulationLayout layout = PopulationLayout.of(args);
    int batchSize = args.integer("batch", 5_000);
    int sampleId = args.integer("sample-id", layout.schemas);
    String sampleOut = args.string("sample-out", "");
    if (sampleId < 1 || sampleId > layout.schemas) {
      throw new IllegalArgumentException("--sample-id must be an id from 1 to " + layout.schemas);
    }
    createEmptyTopic(bootstrap, topic);

    long start = System.nanoTime();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long records = 0;
    try (Producer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings(bootstrap,
        args.string("compression", "none")), new ByteArraySerializer(), new ByteArraySerializer())) {
      records += send(producer, topic, List.of(new NoopRecord()), failure);
      for (int from = 0; from < layout.schemas && failure.get() == null; from += batchSize) {
        int to = Math.min(layout.schemas, from + batchSize);
        // Parsing the next batch overlaps the producer's thread sending this one.
        records += send(producer, topic, layout.records(from, to), failure);
        if ((to / batchSize) % 20 == 0) {
          System.out.printf("%,d schemas in %,d s%n", to, (System.nanoTime() - start) / 1_000_000_000);
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("Kafka refused a record: " + failure.get(), failure.get());
    }
    long end = endOffset(bootstrap, topic);
    if (end != records) {
      throw new IllegalStateException("the topic ends at offset " + end + ", not at the "
          + records + " records sent");
    }
    if (!sampleOut.isEmpty()) {
      Files.writeString(Path.of(sampleOut), layout.text(sampleId - 1), StandardCharsets.UTF_8);
    }
    long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    System.out.printf("populated topic=%s records=%d schemas=%d subjects=%d sample_id=%d"
        + " text_chars_avg=%d wall_ms=%d process_cpu_ms=%d%n", topic, records, layout.schemas,
        layout.subjectsUsed(), sampleId, layout.averageTextChars(layout.schemas),
        (System.nanoTime() - start) / 1_000_000, cpuMs);
  }

  /**
   * Acks from every in-sync replica and idempotence, as the store's own writer; batches large
   * enough that a thousand 1 KB records leave in one produce request.
   */
  private static Map<String, Object> producerSettings(String bootstrap, String compression) {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "stele-populate");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    // Under the broker's default message.max.bytes (1 MB), which a batch must fit.
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    return p;
  }

  private static long send(Producer<byte[], byte[]> producer, String topic,
      List<RegistryRecord> batch, AtomicReference<Exception> failure) {
    for (RegistryRecord record : batch) {
      producer.send(new ProducerRecord<>(topic, 0, RecordCodec.key(record),
          RecordCodec.value(record)), (metadata, e) -> {
            if (e != null) {
              failure.compareAndSet(null, e);
            }
          });
    }
    return batch.size();
  }

  /** The topic as the server creates it; refuses one that holds records already. */
  private static void createEmptyTopic(String bootstrap, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      int brokers = admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size();
      NewTopic created = new NewTopic(topic, 1, (short) Math.min(brokers, 3))
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      try {
        admin.createTopics(Set.of(created)).all().get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      // Kafka confirms a creation before its partition has a leader (as TopicSetup waits for).
      for (int attempt = 0; attempt < 600; attempt++) {
        try {
          TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
              .get(60, TimeUnit.SECONDS).get(topic);
          if (description != null && description.partitions().get(0).leader() != null) {
            break;
          }
        } catch (java.util.concurrent.ExecutionException e) {
          // not known to the broker yet: ask again
        }
        Thread.sleep(100);
      }
    }
    long end = endOffset(bootstrap, topic);
    if (end != 0) {
      throw new IllegalArgumentException("the topic '" + topic + "' holds " + end
          + " records already; give a new --topic");
    }
  }

  private static long endOffset(String bootstrap, String topic) throws Exception {
    TopicPartition partition = new TopicPartition(topic, 0);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      // A new topic's partition may have no leader for a moment: ask again for a while.
      for (int attempt = 0; ; attempt++) {
        try {
          return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
              .get(60, TimeUnit.SECONDS).offset();
        } catch (java.util.concurrent.ExecutionException e) {
          if (attempt >= 100) {
            throw e;
          }
          Thread.sleep(100);
        }
      }
    }
  }
}
