package dev.stele.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.LogException;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotSettings;
import dev.stele.testkit.Records;
import dev.stele.testkit.StateDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the embedded store from a state snapshot (decision 0016): a snapshot that fits the
 * file gives exactly the state of a full replay and only the rows after it are read; a snapshot
 * that does not fit (damaged, of another file, past the file's end) is thrown away and the file
 * replayed, and the state is still that of a full replay.
 */
class EmbeddedSnapshotTest {
  @TempDir Path dir;

  @Test
  void aRestartFromASnapshotHasTheStateOfAFullReplayAndLaterWritesFollowIt() {
    Path data = dir.resolve("a");
    RegistryState first = new RegistryState();
    try (SqliteRecordLog log = open(data, first)) {
      append(log, Records.richHistory());
    }
    assertThat(snapshot(data)).exists();
    String full = StateDump.of(replayed(data));
    assertThat(StateDump.of(first)).isEqualTo(full);

    RegistryState restarted = new RegistryState();
    long versionBefore;
    long firstStart;
    try (SqliteRecordLog log = open(data, restarted)) {
      firstStart = log.startOffset();
      assertThat(firstStart).isEqualTo(Records.richHistory().size());
      assertThat(StateDump.of(restarted)).isEqualTo(full)
          .contains("subject orders-2-value v1 id=102 deleted");
      // Writes after a start from the snapshot land after it, in order, and survive the next one.
      versionBefore = restarted.history("orders-1-value").maxVersion();
      append(log, List.of(Records.schema("orders-1-value", (int) versionBefore + 1, 900),
          Records.schema("after-value", 1, 901), new SchemaRecord("after-value", 1, null),
          Records.schema("after-value", 2, 902)));
    }

    RegistryState third = new RegistryState();
    try (SqliteRecordLog log = open(data, third)) {
      assertThat(log.startOffset()).isGreaterThan(firstStart);
    }
    assertThat(StateDump.of(third)).isEqualTo(StateDump.of(replayed(data)))
        .contains("subject orders-1-value v" + (versionBefore + 1) + " id=900")
        .contains("subject after-value v2 id=902").doesNotContain("after-value v1");
  }

  @Test
  void anOlderSnapshotIsLoadedAndTheRowsWrittenAfterItAreReplayed() throws Exception {
    Path data = dir.resolve("a");
    try (SqliteRecordLog log = open(data, new RegistryState())) {
      append(log, Records.richHistory());
    }
    byte[] older = Files.readAllBytes(snapshot(data));
    try (SqliteRecordLog log = open(data, new RegistryState())) {
      append(log, List.of(Records.schema("later-value", 1, 800), Records.schema("later-value", 2, 801)));
    }
    // As after a crash: the newest snapshot is behind the file.
    Files.write(snapshot(data), older);

    RegistryState restarted = new RegistryState();
    try (SqliteRecordLog log = open(data, restarted)) {
      assertThat(log.startOffset()).isEqualTo(Records.richHistory().size());
    }
    assertThat(StateDump.of(restarted)).isEqualTo(StateDump.of(replayed(data)))
        .contains("subject later-value v2 id=801");
  }

  @Test
  void aDamagedSnapshotIsThrownAwayAndTheFileReplayed() throws Exception {
    Path data = dir.resolve("a");
    writeHistory(data, Records.richHistory());
    byte[] bytes = Files.readAllBytes(snapshot(data));
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(snapshot(data), bytes);

    assertReplayedWhole(data);
  }

  @Test
  void aSnapshotOfAnotherFileIsThrownAway() throws Exception {
    List<RegistryRecord> history = Records.richHistory();
    List<RegistryRecord> other = new ArrayList<>(history);
    other.set(other.size() - 1, Records.schema("elsewhere-value", 1, 999));
    writeHistory(dir.resolve("a"), history);
    writeHistory(dir.resolve("b"), other);
    // Both files have as many rows; the last one differs.
    Files.copy(snapshot(dir.resolve("a")), snapshot(dir.resolve("b")),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    RegistryState state = assertReplayedWhole(dir.resolve("b"));
    assertThat(StateDump.of(state)).contains("elsewhere-value");
  }

  @Test
  void aSnapshotPastTheFilesEndIsThrownAway() throws Exception {
    writeHistory(dir.resolve("long"), Records.richHistory());
    writeHistory(dir.resolve("short"), Records.richHistory().subList(0, 4));
    Files.copy(snapshot(dir.resolve("long")), snapshot(dir.resolve("short")),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertReplayedWhole(dir.resolve("short"));
  }

  @Test
  void aSnapshotFolderThatCannotBeWrittenStopsTheStart() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
    SqliteRecordLog log = new SqliteRecordLog(dir.resolve("a"),
        new SnapshotSettings(notAFolder, Duration.ofHours(1)));
    assertThatThrownBy(() -> log.open(new RegistryState()))
        .isInstanceOf(LogException.class)
        .hasMessageContaining("cannot write state snapshots to " + notAFolder)
        .hasMessageContaining("stele.snapshot.enabled=false");
    log.close();
  }

  /**
   * Opens {@code data} with its snapshot, expecting it refused: the file is replayed from its
   * start into the state of a full replay, and a new snapshot replaces the refused one.
   */
  private RegistryState assertReplayedWhole(Path data) {
    RegistryState state = new RegistryState();
    try (SqliteRecordLog log = open(data, state)) {
      assertThat(log.startOffset()).isZero();
    }
    assertThat(StateDump.of(state)).isEqualTo(StateDump.of(replayed(data)));
    RegistryState again = new RegistryState();
    try (SqliteRecordLog log = open(data, again)) {
      assertThat(log.startOffset()).as("the snapshot written after the replay").isPositive();
    }
    assertThat(StateDump.of(again)).isEqualTo(StateDump.of(state));
    return state;
  }

  private void writeHistory(Path data, List<RegistryRecord> records) {
    try (SqliteRecordLog log = open(data, new RegistryState())) {
      append(log, records);
    }
    assertThat(snapshot(data)).exists();
  }

  private SqliteRecordLog open(Path data, RegistryState state) {
    // An hour: only the snapshots these tests ask for, on closing and after a full replay.
    SqliteRecordLog log = new SqliteRecordLog(data,
        new SnapshotSettings(data.resolve("snapshots"), Duration.ofHours(1)));
    log.open(state);
    return log;
  }

  /** The state of a full replay of {@code data}'s file, without snapshots. */
  private static RegistryState replayed(Path data) {
    RegistryState state = new RegistryState();
    try (SqliteRecordLog log = new SqliteRecordLog(data)) {
      log.open(state);
    }
    return state;
  }

  private static Path snapshot(Path data) {
    return data.resolve("snapshots").resolve("stele.db.snapshot");
  }

  private static void append(SqliteRecordLog log, List<RegistryRecord> records) {
    for (RegistryRecord record : records) {
      log.append(List.of(record)).join();
    }
  }
}
