package dev.stele.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tags to add to and remove from the entities of a schema. Tags keep the order they were written
 * in, existing ones first, because the schema text carries them as a list and a different order
 * would make a different schema (and id). Adding comes before removing, so a tag in both lists is
 * gone afterwards.
 */
public record TagEdit(Map<SchemaEntity, Set<String>> add, Map<SchemaEntity, Set<String>> remove) {
  public static final TagEdit NONE = new TagEdit(Map.of(), Map.of());

  public TagEdit {
    add = copy(add);
    remove = copy(remove);
  }

  public static TagEdit adding(Map<SchemaEntity, Set<String>> add) {
    return new TagEdit(add, Map.of());
  }

  public boolean isEmpty() {
    return add.isEmpty() && remove.isEmpty();
  }

  /** Every entity the edit touches, those to add to first, each once. */
  public Set<SchemaEntity> entities() {
    Set<SchemaEntity> all = new LinkedHashSet<>(add.keySet());
    all.addAll(remove.keySet());
    return all;
  }

  /** The tags {@code entity} has after the edit, given those it has now. */
  public Set<String> apply(SchemaEntity entity, Iterable<String> current) {
    Set<String> tags = new LinkedHashSet<>();
    current.forEach(tags::add);
    tags.addAll(add.getOrDefault(entity, Set.of()));
    tags.removeAll(remove.getOrDefault(entity, Set.of()));
    return tags;
  }

  private static Map<SchemaEntity, Set<String>> copy(Map<SchemaEntity, Set<String>> tags) {
    Map<SchemaEntity, Set<String>> copy = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach((entity, names) -> copy.merge(entity,
          Collections.unmodifiableSet(new LinkedHashSet<>(names)), TagEdit::union));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> both = new LinkedHashSet<>(a);
    both.addAll(b);
    return Collections.unmodifiableSet(both);
  }
}
