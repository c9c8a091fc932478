package dev.stele.registry.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The versions of one subject, ascending. Immutable: a change makes a new history, so readers on
 * other threads always see a whole one. Copying is linear in the number of versions, which stays
 * small (thousands at most) next to the cost of the write that causes it. Most subjects have one
 * version, which is held without an array (an array per subject is 2.4 MB per 100,000 subjects).
 */
public final class SubjectHistory {
  public static final SubjectHistory EMPTY = new SubjectHistory(new VersionEntry[0]);

  /** A {@link VersionEntry} when there is one, else a {@code VersionEntry[]}. */
  private final Object versions;

  private SubjectHistory(Object versions) {
    this.versions = versions;
  }

  /** A history of versions ascending by number (a snapshot's, which keeps them so). */
  static SubjectHistory of(VersionEntry[] entries) {
    return new SubjectHistory(entries.length == 1 ? entries[0] : entries);
  }

  private VersionEntry[] array() {
    return versions instanceof VersionEntry one ? new VersionEntry[] {one} : (VersionEntry[]) versions;
  }

  private int count() {
    return versions instanceof VersionEntry ? 1 : ((VersionEntry[]) versions).length;
  }

  private VersionEntry at(int index) {
    return versions instanceof VersionEntry one ? one : ((VersionEntry[]) versions)[index];
  }

  /** How many versions, soft-deleted ones included. */
  public int size() {
    return count();
  }

  public boolean isEmpty() {
    return count() == 0;
  }

  public boolean hasLive() {
    for (int i = 0; i < count(); i++) {
      if (!at(i).deleted()) {
        return true;
      }
    }
    return false;
  }

  /** All versions, soft-deleted ones included, ascending. */
  public List<VersionEntry> all() {
    return versions instanceof VersionEntry one ? List.of(one) : List.of((VersionEntry[]) versions);
  }

  public List<VersionEntry> live() {
    List<VersionEntry> live = new ArrayList<>(count());
    for (int i = 0; i < count(); i++) {
      if (!at(i).deleted()) {
        live.add(at(i));
      }
    }
    return live;
  }

  /** The highest live version, or null. */
  public VersionEntry latestLive() {
    for (int i = count() - 1; i >= 0; i--) {
      if (!at(i).deleted()) {
        return at(i);
      }
    }
    return null;
  }

  /** The highest version number ever kept, soft-deleted included; 0 when empty. */
  public int maxVersion() {
    return count() == 0 ? 0 : at(count() - 1).version();
  }

  /** The entry of a version number, or null. */
  public VersionEntry get(int version) {
    int at = indexOf(version);
    return at >= 0 ? at(at) : null;
  }

  SubjectHistory with(VersionEntry entry) {
    int at = indexOf(entry.version());
    VersionEntry[] old = array();
    if (at >= 0) {
      VersionEntry[] copy = old.clone();
      copy[at] = entry;
      return of(copy);
    }
    int insert = -at - 1;
    VersionEntry[] copy = new VersionEntry[old.length + 1];
    System.arraycopy(old, 0, copy, 0, insert);
    copy[insert] = entry;
    System.arraycopy(old, insert, copy, insert + 1, old.length - insert);
    return of(copy);
  }

  SubjectHistory without(int version) {
    int at = indexOf(version);
    if (at < 0) {
      return this;
    }
    VersionEntry[] old = array();
    VersionEntry[] copy = new VersionEntry[old.length - 1];
    System.arraycopy(old, 0, copy, 0, at);
    System.arraycopy(old, at + 1, copy, at, old.length - at - 1);
    return of(copy);
  }

  /** Every version up to {@code version} marked deleted. */
  SubjectHistory deletedUpTo(int version) {
    VersionEntry[] copy = array().clone();
    for (int i = 0; i < copy.length && copy[i].version() <= version; i++) {
      copy[i] = copy[i].markDeleted();
    }
    return of(copy);
  }

  private int indexOf(int version) {
    int low = 0;
    int high = count() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int found = at(mid).version();
      if (found < version) {
        low = mid + 1;
      } else if (found > version) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }
}
