package dev.stele.store.embedded;

import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotKeeper;
import dev.stele.registry.state.SnapshotMark;
import dev.stele.registry.state.SnapshotSettings;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded store's snapshot of its state (decision 0016): the core's {@link SnapshotKeeper}
 * with what only this store knows. A snapshot is taken at a row of {@code stele.db} and records
 * that row's facts (digests of key and value, its commit time); at start it is used only when the
 * file's row at that offset still has them, so a snapshot of another data directory, of a file
 * restored from an older backup or of a log that was cut short is thrown away and the file
 * replayed. The rows after it are then read from the file.
 *
 * <p>Assumption: {@link #replayed}, {@link #applied} and {@link #close} are called by the thread
 * that applies the rows (the opening one, then the committer), or once it has stopped.
 */
final class EmbeddedSnapshots {
  static final String LOG = "stele.db";
  static final String KEY_SHA256 = "sqlite.keySha256";
  static final String VALUE_SHA256 = "sqlite.valueSha256";
  static final String TIMESTAMP = "sqlite.timestamp";

  /** One row of the log as applied: what a mark is made of. */
  record Row(long offset, byte[] key, byte[] value, long timestamp) {}

  private final SnapshotKeeper keeper;
  private Row last;

  EmbeddedSnapshots(SnapshotSettings settings, Path file) {
    this.keeper = new SnapshotKeeper(settings, LOG, "the embedded log " + file);
  }

  /** Refuses a folder this node cannot write to, at start rather than at the first snapshot. */
  void checkFolder() {
    keeper.checkFolder();
  }

  /**
   * Loads the snapshot into {@code empty} if there is one and it fits {@code table}.
   *
   * @return the offset to replay the table from: the snapshot's, or 0 for a full replay
   */
  long restore(RegistryState empty, RecordTable table) {
    return keeper.restore(empty, mark -> mismatch(mark, table)).map(SnapshotMark::next).orElse(0L);
  }

  /**
   * After the start's replay, with its last row (null: none read): a start that replayed the
   * whole file writes a snapshot now, so the next start need not repeat it.
   */
  void replayed(Row lastRow, boolean whole) {
    if (lastRow == null) {
      return;
    }
    last = lastRow;
    if (whole) {
      keeper.writeSoon();
    }
    keeper.offer(last.offset(), () -> mark(last));
  }

  /** After a commit's rows were applied, with the last of them. */
  void applied(Row lastRow) {
    last = lastRow;
    keeper.offer(last.offset(), () -> mark(lastRow));
  }

  /** Writes a last snapshot when something is newer than the one on disk. */
  void close() {
    Row at = last;
    keeper.close(at == null ? -1 : at.offset(), () -> mark(at));
  }

  Path path() {
    return keeper.path();
  }

  static SnapshotMark mark(Row row) {
    return new SnapshotMark(LOG, row.offset() + 1, facts(row));
  }

  private static Map<String, String> facts(Row row) {
    return Map.of(KEY_SHA256, SnapshotMark.sha256(row.key()),
        VALUE_SHA256, SnapshotMark.sha256(row.value()),
        TIMESTAMP, String.valueOf(row.timestamp()));
  }

  /** Why {@code mark} does not fit the file as it is; empty when it does. */
  private static Optional<String> mismatch(SnapshotMark mark, RecordTable table) {
    if (!mark.log().equals(LOG)) {
      return Optional.of("it was taken of the log '" + mark.log() + "', not of " + LOG);
    }
    long lastOffset = mark.next() - 1;
    Row[] found = {null};
    try {
      if (!table.row(lastOffset, (offset, key, value, ts) -> found[0] = new Row(offset, key, value, ts))) {
        return Optional.of("it reaches offset " + mark.next() + " but " + table.file()
            + " ends at " + table.nextOffset() + " (the file lost rows, or the snapshot is of"
            + " another one)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + table.file() + ": " + e.getMessage(), e);
    }
    return mark.differenceFrom(facts(found[0]));
  }
}
