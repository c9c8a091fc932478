package dev.stele.serde.internal;

import dev.stele.serde.AssociatedNameStrategy;
import dev.stele.serde.RecordNameStrategy;
import dev.stele.serde.SubjectNameStrategy;
import dev.stele.serde.TopicNameStrategy;
import dev.stele.serde.TopicRecordNameStrategy;
import java.util.Map;

/**
 * Turns a strategy class name into an instance. Confluent's class names are accepted and mapped
 * to ours, so a producer's properties carry over unchanged. Confluent 8's default,
 * {@code AssociatedNameStrategy}, is the default: the registry's association for the topic, else
 * the topic name.
 */
public final class Strategies {
  private static final String CONFLUENT = "io.confluent.kafka.serializers.subject.";
  private static final Map<String, Class<? extends SubjectNameStrategy>> KNOWN = Map.of(
      CONFLUENT + "TopicNameStrategy", TopicNameStrategy.class,
      CONFLUENT + "RecordNameStrategy", RecordNameStrategy.class,
      CONFLUENT + "TopicRecordNameStrategy", TopicRecordNameStrategy.class,
      CONFLUENT + "AssociatedNameStrategy", AssociatedNameStrategy.class,
      "AssociatedNameStrategy", AssociatedNameStrategy.class,
      "TopicNameStrategy", TopicNameStrategy.class,
      "RecordNameStrategy", RecordNameStrategy.class,
      "TopicRecordNameStrategy", TopicRecordNameStrategy.class);

  private Strategies() {}

  public static SubjectNameStrategy load(String key, String className) {
    if (className == null || className.isEmpty()) {
      return new AssociatedNameStrategy();
    }
    Class<? extends SubjectNameStrategy> type = KNOWN.get(className);
    try {
      if (type == null) {
        Class<?> named = Class.forName(className, true, Strategies.class.getClassLoader());
        if (!SubjectNameStrategy.class.isAssignableFrom(named)) {
          throw new IllegalArgumentException(key + ": " + className + " does not implement "
              + SubjectNameStrategy.class.getName());
        }
        type = named.asSubclass(SubjectNameStrategy.class);
      }
      return type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(key + ": cannot create " + className + ": " + e, e);
    }
  }
}
