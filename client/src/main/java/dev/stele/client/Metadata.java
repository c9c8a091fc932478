package dev.stele.client;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema's metadata (Confluent's {@code Metadata}). {@code tags} maps a field path, which may
 * hold wildcards ({@code *} within a name, {@code **} across dots, {@code ?} one character), to
 * the tags of the fields it matches: e.g. {@code "Student.ssn": ["PII"]}.
 */
public record Metadata(Map<String, Set<String>> tags, Map<String, String> properties, Set<String> sensitive) {
  public static final Metadata EMPTY = new Metadata(Map.of(), Map.of(), Set.of());

  public Metadata {
    Map<String, Set<String>> copy = new TreeMap<>();
    if (tags != null) {
      tags.forEach((path, set) -> copy.put(path, Collections.unmodifiableSet(new TreeSet<>(set))));
    }
    tags = Collections.unmodifiableMap(copy);
    properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
    sensitive = sensitive == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(sensitive));
  }
}
