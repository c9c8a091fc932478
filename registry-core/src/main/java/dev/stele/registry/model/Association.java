package dev.stele.registry.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One association of a resource (a Kafka topic) with a subject, as Confluent 8.x keeps it: the
 * resource is named by {@code resourceName} in {@code resourceNamespace} (a Kafka cluster) and
 * by its {@code resourceId}; {@code associationType} says which part of the record the subject
 * holds ({@code key} or {@code value}). A STRONG association belongs to its topic (it is frozen:
 * its subject is {@code :.ns:name-type} and goes with it); a WEAK one shares an existing subject.
 *
 * @param createTs when the association was made (ms)
 * @param updateTs the timestamp of the record that last wrote it (ms)
 */
public record Association(String subject, String guid, String resourceName,
    String resourceNamespace, String resourceId, String resourceType, String associationType,
    Lifecycle lifecycle, boolean frozen, long createTs, long updateTs) {

  /** Confluent's {@code LifecyclePolicy}. */
  public enum Lifecycle { STRONG, WEAK }

  /** Only Confluent's resource type; the default of every query. */
  public static final String TOPIC = "topic";

  public Association {
    new Key(resourceName, resourceNamespace, resourceType, associationType, subject); // checks them
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(lifecycle, "lifecycle");
  }

  /** The key that the log supersedes by: one association per resource, type and subject. */
  public Key key() {
    return new Key(resourceName, resourceNamespace, resourceType, associationType, subject);
  }

  /**
   * The fields of Confluent's ASSOC key (its tenant is always {@code default}), ordered as
   * Confluent lists associations: resource name, namespace, type, association type, subject.
   */
  public record Key(String resourceName, String resourceNamespace, String resourceType,
      String associationType, String subject) implements Comparable<Key> {
    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::resourceName)
        .thenComparing(Key::resourceNamespace).thenComparing(Key::resourceType)
        .thenComparing(Key::associationType).thenComparing(Key::subject);

    public Key {
      Objects.requireNonNull(resourceName, "resourceName");
      Objects.requireNonNull(resourceNamespace, "resourceNamespace");
      Objects.requireNonNull(resourceType, "resourceType");
      Objects.requireNonNull(associationType, "associationType");
      Objects.requireNonNull(subject, "subject");
    }

    @Override
    public int compareTo(Key other) {
      return KEY_ORDER.compare(this, other);
    }
  }
}
