package dev.stele.registry.state;

import dev.stele.kms.DekFormat;
import dev.stele.registry.log.RegistryRecord.DekRecord;
import dev.stele.registry.log.RegistryRecord.DekValue;
import dev.stele.registry.log.RegistryRecord.KekRecord;
import dev.stele.registry.log.RegistryRecord.KekValue;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The DEK registry's keys: KEKs by name and DEK versions by (KEK, subject, algorithm, version),
 * both sorted as Confluent's key order lists them. Applied under {@link RegistryState}'s monitor;
 * read without locks (concurrent maps of immutable entries).
 */
public final class KeyTable {

  /** A KEK as last written, and when. */
  public record KekEntry(String name, KekValue value, long ts) {}

  /** One DEK version as last written, and when. */
  public record DekEntry(DekId id, DekValue value, long ts) {}

  /** Where a DEK version lives. */
  public record DekId(String kekName, String subject, DekFormat algorithm, int version)
      implements Comparable<DekId> {
    private static final Comparator<DekId> ORDER = Comparator.comparing(DekId::kekName)
        .thenComparing(DekId::subject).thenComparing(DekId::algorithm)
        .thenComparingInt(DekId::version);

    @Override
    public int compareTo(DekId other) {
      return ORDER.compare(this, other);
    }
  }

  private final NavigableMap<String, KekEntry> keks = new ConcurrentSkipListMap<>();
  private final NavigableMap<DekId, DekEntry> deks = new ConcurrentSkipListMap<>();

  KeyTable copy() {
    KeyTable copy = new KeyTable();
    copy.keks.putAll(keks);
    copy.deks.putAll(deks);
    return copy;
  }

  void clear() {
    keks.clear();
    deks.clear();
  }

  void apply(KekRecord record, long ts) {
    if (record.value() == null) {
      keks.remove(record.name());
    } else {
      keks.put(record.name(), new KekEntry(record.name(), record.value(), ts));
    }
  }

  void apply(DekRecord record, long ts) {
    DekId id = new DekId(record.kekName(), record.subject(), record.algorithm(), record.version());
    if (record.value() == null) {
      deks.remove(id);
    } else {
      deks.put(id, new DekEntry(id, record.value(), ts));
    }
  }

  /** The KEK, deleted or not; null when there is none. */
  public KekEntry kek(String name) {
    return keks.get(name);
  }

  /** Every KEK in name order, deleted ones included. */
  public List<KekEntry> keks() {
    return List.copyOf(keks.values());
  }

  /** Every DEK version, for a state snapshot. */
  List<DekEntry> allDeks() {
    return List.copyOf(deks.values());
  }

  public int kekCount() {
    return keks.size();
  }

  public int dekCount() {
    return deks.size();
  }

  public DekEntry dek(DekId id) {
    return deks.get(id);
  }

  /** Every DEK version under the KEK, by subject, algorithm and version; deleted ones included. */
  public List<DekEntry> deks(String kekName) {
    return List.copyOf(deks.subMap(new DekId(kekName, "", DekFormat.values()[0], Integer.MIN_VALUE),
        true, new DekId(kekName + '\0', "", DekFormat.values()[0], Integer.MIN_VALUE), false).values());
  }

  /** The versions of one subject's DEK for one algorithm, oldest first; deleted ones included. */
  public List<DekEntry> versions(String kekName, String subject, DekFormat algorithm) {
    return List.copyOf(deks.subMap(new DekId(kekName, subject, algorithm, Integer.MIN_VALUE), true,
        new DekId(kekName, subject, algorithm, Integer.MAX_VALUE), true).values());
  }
}
