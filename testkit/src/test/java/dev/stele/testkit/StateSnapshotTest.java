package dev.stele.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.RecordCodec;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SnapshotMark;
import dev.stele.registry.state.SnapshotReader;
import dev.stele.registry.state.StateSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The core's state snapshot format (registry-core {@code StateSnapshot}); tested here beside
 * {@link StateDump}, which the core cannot depend on. A loaded snapshot must answer every read
 * as the replay it was taken from, and go on from there the same; a damaged one must be refused
 * and leave the state empty.
 */
class StateSnapshotTest {
  private static final SnapshotMark MARK = new SnapshotMark("_schemas", 77,
      Map.of("topicId", "abc", "keyHash", "123"));

  @Test
  void aLoadedSnapshotIsTheStateItWasTakenFrom() throws IOException {
    RegistryState replayed = replay(Records.richHistory());
    RegistryState loaded = new RegistryState();
    try (SnapshotReader reader = reader(bytes(replayed))) {
      assertThat(reader.mark()).isEqualTo(MARK);
      reader.restoreInto(loaded);
    }
    assertThat(StateDump.of(loaded)).isEqualTo(StateDump.of(replayed));
    assertThat(loaded.lastOffset()).isEqualTo(76);
    assertThat(loaded.schemaCount()).isEqualTo(replayed.schemaCount()).isPositive();

    // The same records after it give the same state: ids, usages and twins behave as replayed.
    List<RegistryRecord> more = List.of(Records.schema("twin-a", 1, 600),
        new RegistryRecord.SchemaRecord("twin-a", 1, null), Records.schema("new-value", 1, 700),
        new RegistryRecord.ClearSubjectRecord("orders-2-value"));
    long offset = 100;
    for (RegistryRecord record : more) {
      replayed.apply(record, offset, 5);
      loaded.apply(record, offset++, 5);
    }
    assertThat(StateDump.of(loaded)).isEqualTo(StateDump.of(replayed));
  }

  @Test
  void aFlippedByteOrAShortFileIsRefusedAndLeavesTheStateEmpty() throws IOException {
    byte[] whole = bytes(replay(Records.richHistory()));
    byte[] flipped = whole.clone();
    flipped[whole.length / 2] ^= 0x10;
    byte[] flippedLast = whole.clone();
    flippedLast[whole.length - 1] ^= 0x01;
    for (byte[] bad : List.of(flipped, flippedLast, Arrays.copyOf(whole, whole.length - 9))) {
      RegistryState state = new RegistryState();
      assertThatThrownBy(() -> {
        try (SnapshotReader reader = reader(bad)) {
          reader.restoreInto(state);
        }
      }).isInstanceOf(IOException.class).hasMessageContaining("the snapshot");
      assertThat(StateDump.of(state)).isEqualTo(StateDump.of(new RegistryState()));
      assertThat(state.lastOffset()).isEqualTo(-1);
    }
  }

  @Test
  void anotherFormatVersionOrAStrangerFileIsRefusedAtItsHeader() throws IOException {
    byte[] whole = bytes(replay(Records.richHistory()));
    byte[] version = whole.clone();
    version[11] = 99; // the format version follows the 8-byte magic
    assertThatThrownBy(() -> reader(version))
        .hasMessageContaining("format version 99");
    assertThatThrownBy(() -> reader("{\"json\":\"a file of some other kind, long enough\"}".getBytes()))
        .hasMessageContaining("not a Stele state snapshot");
    assertThatThrownBy(() -> reader(Arrays.copyOf(whole, 20)))
        .hasMessageContaining("truncated");
  }

  /**
   * Prints how long 20,000 schemas ({@code -Dsnapshot.n=N} for another count) take to load from
   * this format and from their JSON records (what a replay decodes, without Kafka); a measurement
   * for docs/benchmarks.md, not an assertion.
   */
  @Test
  void loadTimeOfTheFormatAgainstJsonRecords() throws IOException {
    int count = Integer.getInteger("snapshot.n", 20_000);
    List<RegistryRecord> records = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      records.add(new RegistryRecord.SchemaRecord("s" + (i % 5000) + "-value", i / 5000 + 1,
          new RegistryRecord.SchemaValue(i, "AVRO", List.of(), null, null, Records.longText(i), false)));
    }
    List<byte[][]> json = records.stream()
        .map(r -> new byte[][] {RecordCodec.key(r), RecordCodec.value(r)}).toList();
    byte[] snapshot = bytes(replay(records));
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      RegistryState fromJson = new RegistryState();
      for (int i = 0; i < json.size(); i++) {
        fromJson.apply(RecordCodec.decode(json.get(i)[0], json.get(i)[1]).orElseThrow(), i, 0);
      }
      long jsonNanos = System.nanoTime() - start;
      start = System.nanoTime();
      RegistryState fromSnapshot = new RegistryState();
      try (SnapshotReader reader = reader(snapshot)) {
        reader.restoreInto(fromSnapshot);
      }
      long snapshotNanos = System.nanoTime() - start;
      System.out.printf("%,d schemas: JSON records %d ms, snapshot %d ms (%d bytes)%n",
          count, jsonNanos / 1_000_000, snapshotNanos / 1_000_000, snapshot.length);
      assertThat(fromSnapshot.schemaCount()).isEqualTo(fromJson.schemaCount());
    }
  }

  private static SnapshotReader reader(byte[] bytes) throws IOException {
    return new SnapshotReader(new ByteArrayInputStream(bytes), bytes.length);
  }

  private static RegistryState replay(List<RegistryRecord> records) {
    RegistryState state = new RegistryState();
    long offset = 0;
    for (RegistryRecord record : records) {
      state.apply(record, offset++, 1_000 + offset);
    }
    return state;
  }

  private static byte[] bytes(RegistryState state) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateSnapshot.write(state.copy(), MARK, out);
    return out.toByteArray();
  }
}
