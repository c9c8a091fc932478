package dev.stele.serde;

import dev.stele.client.RestClientException;
import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.BoundedCache;
import dev.stele.client.internal.ConfigValues;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent 8's default strategy: the subject the registry associates with the topic
 * ({@code /associations}, key or value), asked once per topic and kept; without an association,
 * the fallback ({@code subject.name.strategy.fallback.type}: {@code TOPIC}, the default,
 * {@code RECORD}, {@code TOPIC_RECORD}, or {@code NONE} to fail the record). More than one
 * associated subject fails the record, as in Confluent.
 */
public final class AssociatedNameStrategy implements SubjectNameStrategy {
  public static final String CACHE_EXPIRY_SECS = "subject.name.strategy.cache.expiry.secs";
  public static final String CACHE_SIZE = "subject.name.strategy.cache.size";
  public static final String KAFKA_CLUSTER_ID = "subject.name.strategy.kafka.cluster.id";
  public static final String FALLBACK_TYPE = "subject.name.strategy.fallback.type";
  /** The resource namespace that matches any Kafka cluster. */
  static final String ANY_NAMESPACE = "-";

  private final SchemaRegistryClient client;
  private final String namespace;
  /** Null: {@code NONE}, no fallback. */
  private final SubjectNameStrategy fallback;
  private final BoundedCache<Key, Optional<String>> subjects;

  private record Key(String topic, boolean isKey, String recordName) {}

  /** Unbound: a serde binds it to its client and settings ({@link #bind}). */
  public AssociatedNameStrategy() {
    this(null, Map.of());
  }

  private AssociatedNameStrategy(SchemaRegistryClient client, Map<String, ?> configs) {
    ConfigValues values = new ConfigValues(configs);
    this.client = client;
    this.namespace = values.string(KAFKA_CLUSTER_ID, ANY_NAMESPACE);
    this.fallback = fallback(values.string(FALLBACK_TYPE, "TOPIC"));
    long expiry = values.longValue(CACHE_EXPIRY_SECS, -1);
    int size = values.intValue(CACHE_SIZE, 1000);
    if (size < 1) {
      throw new IllegalArgumentException(CACHE_SIZE + " must be at least 1, not " + size);
    }
    this.subjects = new BoundedCache<>(size, expiry < 0 ? 0 : Math.max(1, expiry * 1_000_000_000L),
        System::nanoTime);
  }

  private static SubjectNameStrategy fallback(String type) {
    return switch (type.trim().toUpperCase(Locale.ROOT)) {
      case "TOPIC" -> new TopicNameStrategy();
      case "RECORD" -> new RecordNameStrategy();
      case "TOPIC_RECORD" -> new TopicRecordNameStrategy();
      case "NONE" -> null;
      default -> throw new IllegalArgumentException(FALLBACK_TYPE + " must be TOPIC, RECORD, TOPIC_RECORD or"
          + " NONE, not " + type);
    };
  }

  @Override
  public SubjectNameStrategy bind(SchemaRegistryClient registry, Map<String, ?> configs) {
    return new AssociatedNameStrategy(registry, configs);
  }

  @Override
  public String subjectName(String topic, boolean isKey, String recordName) {
    if (client == null) {
      throw new IllegalStateException("AssociatedNameStrategy is not bound to a registry client");
    }
    // The record name matters only to a fallback that uses it; without, one entry per topic.
    Key key = new Key(topic, isKey, fallback != null && fallback.usesRecordName() ? recordName : null);
    Optional<String> known = subjects.get(key);
    if (known == null) {
      known = Optional.of(ask(topic, isKey, recordName));
      subjects.put(key, known);
    }
    return known.get();
  }

  private String ask(String topic, boolean isKey, String recordName) {
    List<String> associated;
    try {
      associated = client.associatedSubjects(namespace, topic, isKey ? "key" : "value");
    } catch (IOException e) {
      throw new SerializationException("topic " + topic + " (its associations): the schema registry is unavailable: "
          + e.getMessage(), e);
    } catch (RestClientException e) {
      throw new SerializationException("cannot read the associations of topic " + topic + ": " + e.getMessage(), e);
    }
    if (associated.size() > 1) {
      throw new SerializationException("Multiple associated subjects found for topic " + topic);
    }
    if (associated.size() == 1) {
      return associated.get(0);
    }
    if (fallback == null) {
      throw new SerializationException("No associated subject found for topic " + topic);
    }
    return fallback.subjectName(topic, isKey, recordName);
  }

  @Override
  public boolean usesRecordName() {
    return fallback != null && fallback.usesRecordName();
  }
}
