package dev.stele.registry.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The versions of one subject, ascending. Immutable: a change makes a new history, so readers on
 * other threads always see a whole one. Copying is linear in the number of versions, which stays
 * small (thousands at most) next to the cost of the write that causes it.
 */
public final class SubjectHistory {
  public static final SubjectHistory EMPTY = new SubjectHistory(new VersionEntry[0]);

  private final VersionEntry[] versions;

  private SubjectHistory(VersionEntry[] versions) {
    this.versions = versions;
  }

  public boolean isEmpty() {
    return versions.length == 0;
  }

  public boolean hasLive() {
    for (VersionEntry entry : versions) {
      if (!entry.deleted()) {
        return true;
      }
    }
    return false;
  }

  /** All versions, soft-deleted ones included, ascending. */
  public List<VersionEntry> all() {
    return List.of(versions);
  }

  public List<VersionEntry> live() {
    List<VersionEntry> live = new ArrayList<>(versions.length);
    for (VersionEntry entry : versions) {
      if (!entry.deleted()) {
        live.add(entry);
      }
    }
    return live;
  }

  /** The highest live version, or null. */
  public VersionEntry latestLive() {
    for (int i = versions.length - 1; i >= 0; i--) {
      if (!versions[i].deleted()) {
        return versions[i];
      }
    }
    return null;
  }

  /** The highest version number ever kept, soft-deleted included; 0 when empty. */
  public int maxVersion() {
    return versions.length == 0 ? 0 : versions[versions.length - 1].version();
  }

  /** The entry of a version number, or null. */
  public VersionEntry get(int version) {
    int at = indexOf(version);
    return at >= 0 ? versions[at] : null;
  }

  SubjectHistory with(VersionEntry entry) {
    int at = indexOf(entry.version());
    if (at >= 0) {
      VersionEntry[] copy = versions.clone();
      copy[at] = entry;
      return new SubjectHistory(copy);
    }
    int insert = -at - 1;
    VersionEntry[] copy = new VersionEntry[versions.length + 1];
    System.arraycopy(versions, 0, copy, 0, insert);
    copy[insert] = entry;
    System.arraycopy(versions, insert, copy, insert + 1, versions.length - insert);
    return new SubjectHistory(copy);
  }

  SubjectHistory without(int version) {
    int at = indexOf(version);
    if (at < 0) {
      return this;
    }
    VersionEntry[] copy = new VersionEntry[versions.length - 1];
    System.arraycopy(versions, 0, copy, 0, at);
    System.arraycopy(versions, at + 1, copy, at, versions.length - at - 1);
    return new SubjectHistory(copy);
  }

  /** Every version up to {@code version} marked deleted. */
  SubjectHistory deletedUpTo(int version) {
    VersionEntry[] copy = versions.clone();
    for (int i = 0; i < copy.length && copy[i].version() <= version; i++) {
      copy[i] = copy[i].markDeleted();
    }
    return new SubjectHistory(copy);
  }

  private int indexOf(int version) {
    int low = 0;
    int high = versions.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int found = versions[mid].version();
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
