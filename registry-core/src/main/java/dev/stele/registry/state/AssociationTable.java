package dev.stele.registry.state;

import dev.stele.registry.log.RegistryRecord.AssocRecord;
import dev.stele.registry.log.RegistryRecord.AssocValue;
import dev.stele.registry.model.Association;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The associations of resources with subjects, by their ASSOC key, in Confluent's listing order,
 * and by subject. Reads by resource scan the table: a registry holds at most a few associations
 * per topic, and a scan of a skip list of tens of thousands is still far below a request's cost.
 * Reads by subject are asked once per schema (a registration's references, {@code GET /schemas}
 * filtered by association), so they have their own index. Applied under the state's monitor;
 * read without locks.
 */
public final class AssociationTable {
  private final NavigableMap<Association.Key, Association> entries = new ConcurrentSkipListMap<>();
  private final Map<String, NavigableMap<Association.Key, Association>> bySubject =
      new ConcurrentHashMap<>();

  void apply(AssocRecord record, long timestamp) {
    AssocValue v = record.value();
    Association.Key k = record.key();
    if (v == null) {
      entries.remove(k);
      bySubject.computeIfPresent(k.subject(), (subject, those) -> {
        those.remove(k);
        return those.isEmpty() ? null : those;
      });
      return;
    }
    put(new Association(k.subject(), v.guid(), k.resourceName(), k.resourceNamespace(),
        v.resourceId(), k.resourceType(), k.associationType(), v.lifecycle(), v.frozen(),
        v.createTs() > 0 ? v.createTs() : timestamp, timestamp));
  }

  private void put(Association a) {
    entries.put(a.key(), a);
    bySubject.computeIfAbsent(a.subject(), subject -> new ConcurrentSkipListMap<>()).put(a.key(), a);
  }

  AssociationTable copy() {
    AssociationTable copy = new AssociationTable();
    entries.values().forEach(copy::put);
    return copy;
  }

  void clear() {
    entries.clear();
    bySubject.clear();
  }

  /** The associations naming {@code subject} (a qualified subject), in Confluent's order. */
  public Collection<Association> ofSubject(String subject) {
    NavigableMap<Association.Key, Association> those = bySubject.get(subject);
    return those == null ? List.of() : those.values();
  }

  /** Every association, in Confluent's order. */
  public Collection<Association> all() {
    return entries.values();
  }

  /** Those that pass {@code filter}, in Confluent's order. */
  public List<Association> matching(Predicate<Association> filter) {
    List<Association> out = new ArrayList<>();
    for (Association a : entries.values()) {
      if (filter.test(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /** Whether any association names {@code subject} (a qualified subject). */
  public boolean hasSubject(String subject) {
    return !ofSubject(subject).isEmpty();
  }
}
