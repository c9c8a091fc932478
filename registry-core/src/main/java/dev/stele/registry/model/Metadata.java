package dev.stele.registry.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema version's metadata (../shared/API.md §2.9): tags per schema path, string properties
 * and the names of sensitive properties, each sorted so that equal metadata has one JSON text.
 * Immutable; the changes a registration makes (merging config defaults and overrides, the
 * {@code confluent:version} bookkeeping) return new values.
 */
public record Metadata(
    SortedMap<String, SortedSet<String>> tags, SortedMap<String, String> properties,
    SortedSet<String> sensitive) {
  /** The property that records the version a schema was registered as. */
  public static final String CONFLUENT_VERSION = "confluent:version";

  public static final Metadata EMPTY = new Metadata(null, null, null);

  public Metadata {
    SortedMap<String, SortedSet<String>> tagCopy = new TreeMap<>();
    if (tags != null) {
      tags.forEach((path, names) -> tagCopy.put(path, Collections.unmodifiableSortedSet(new TreeSet<>(names))));
    }
    tags = Collections.unmodifiableSortedMap(tagCopy);
    properties = Collections.unmodifiableSortedMap(
        properties == null ? new TreeMap<>() : new TreeMap<>(properties));
    sensitive = Collections.unmodifiableSortedSet(sensitive == null ? new TreeSet<>() : new TreeSet<>(sensitive));
  }

  public static Metadata ofProperties(Map<String, String> properties) {
    return new Metadata(null, new TreeMap<>(properties), null);
  }

  /**
   * {@code over} laid on {@code base}: a property or tag path in {@code over} replaces the one in
   * {@code base}, sensitive names add up. Either may be null (absent); both null gives null.
   */
  public static Metadata merge(Metadata base, Metadata over) {
    if (base == null || over == null) {
      return base == null ? over : base;
    }
    SortedMap<String, SortedSet<String>> mergedTags = new TreeMap<>(base.tags);
    mergedTags.putAll(over.tags);
    SortedMap<String, String> mergedProperties = new TreeMap<>(base.properties);
    mergedProperties.putAll(over.properties);
    SortedSet<String> mergedSensitive = new TreeSet<>(base.sensitive);
    mergedSensitive.addAll(over.sensitive);
    return new Metadata(mergedTags, mergedProperties, mergedSensitive);
  }

  /** A property's value, or null. */
  public String property(String key) {
    return properties.get(key);
  }

  public Metadata withProperty(String key, String value) {
    SortedMap<String, String> changed = new TreeMap<>(properties);
    changed.put(key, value);
    return new Metadata(tags, changed, sensitive);
  }

  public Metadata withoutProperty(String key) {
    if (!properties.containsKey(key)) {
      return this;
    }
    SortedMap<String, String> changed = new TreeMap<>(properties);
    changed.remove(key);
    return new Metadata(tags, changed, sensitive);
  }

  /** Whether every one of {@code wanted}'s properties is present with the same value. */
  public boolean hasProperties(Map<String, String> wanted) {
    return properties.entrySet().containsAll(wanted.entrySet());
  }

  public boolean isEmpty() {
    return tags.isEmpty() && properties.isEmpty() && sensitive.isEmpty();
  }
}
