package dev.stele.registry.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuidTableTest {
  private final GuidTable table = new GuidTable();

  /** Distinct, well-spread GUIDs, as the MD5s of schemas are. */
  private static UUID guid(int n) {
    return UUID.nameUUIDFromBytes(("schema " + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void findsEachIdByItsGuidAcrossResizes() {
    for (int n = 1; n <= 5_000; n++) {
      table.add(guid(n), n);
    }
    assertThat(table.size()).isEqualTo(5_000);
    for (int n = 1; n <= 5_000; n++) {
      assertThat(table.ids(guid(n))).containsExactly(n);
    }
    assertThat(table.ids(guid(5_001))).isEmpty();
  }

  @Test
  void aGuidWithSeveralIdsGivesThemLowestFirstAndAPairIsHeldOnce() {
    table.add(guid(1), 30);
    table.add(guid(1), 4);
    table.add(guid(1), 30);
    table.add(guid(2), 5);
    assertThat(table.size()).isEqualTo(3);
    assertThat(table.ids(guid(1))).containsExactly(4, 30);
    assertThat(table.ids(guid(2))).containsExactly(5);
  }

  @Test
  void removesOnlyThePairGivenAndProbesPastItsTombstone() {
    for (int n = 1; n <= 40; n++) {
      table.add(guid(n), n);
    }
    table.add(guid(7), 700);
    assertThat(table.remove(guid(7), 8)).isFalse();
    assertThat(table.remove(guid(7), 7)).isTrue();
    assertThat(table.remove(guid(7), 7)).isFalse();
    assertThat(table.ids(guid(7))).containsExactly(700);
    for (int n = 1; n <= 40; n += 2) {
      table.remove(guid(n), n);
    }
    for (int n = 2; n <= 40; n += 2) {
      assertThat(table.ids(guid(n))).containsExactly(n);
    }
    // Churn far more pairs through than the table holds at once: tombstones must not fill it.
    for (int n = 1_000; n < 21_000; n++) {
      table.add(guid(n), n);
      assertThat(table.remove(guid(n), n)).isTrue();
    }
    assertThat(table.size()).isEqualTo(21);
    assertThat(table.ids(guid(40))).containsExactly(40);
  }

  @Test
  void aCopySharesWhatWasAndDivergesAfterwards() {
    for (int n = 1; n <= 100; n++) {
      table.add(guid(n), n);
    }
    GuidTable copy = table.copy();
    copy.add(guid(101), 101);
    copy.remove(guid(1), 1);
    table.add(guid(102), 102);
    assertThat(table.ids(guid(1))).containsExactly(1);
    assertThat(table.ids(guid(101))).isEmpty();
    assertThat(copy.ids(guid(1))).isEmpty();
    assertThat(copy.ids(guid(101))).containsExactly(101);
    assertThat(copy.ids(guid(102))).isEmpty();
  }

  @Test
  void aTableBuiltWholeHoldsEveryPairOnceAndGrowsOnAfterwards() {
    UUID[] guids = new UUID[3_002];
    int[] ids = new int[3_002];
    for (int n = 1; n <= 3_000; n++) {
      guids[n - 1] = guid(n);
      ids[n - 1] = n;
    }
    guids[3_000] = guid(7);
    ids[3_000] = 7_007; // a second id of one GUID
    guids[3_001] = guid(9);
    ids[3_001] = 9; // a pair given twice
    GuidTable built = GuidTable.of(guids, ids, guids.length);
    assertThat(built.size()).isEqualTo(3_001);
    assertThat(built.ids(guid(7))).containsExactly(7, 7_007);
    assertThat(built.ids(guid(9))).containsExactly(9);
    for (int n = 3_001; n <= 6_000; n++) {
      built.add(guid(n), n);
    }
    assertThat(built.ids(guid(5_999))).containsExactly(5_999);
    assertThat(built.ids(guid(2_999))).containsExactly(2_999);
  }

  @Test
  void aReaderWithoutLocksAlwaysFindsWhatWasAddedBeforeWhileTheWriterGrowsTheTable()
      throws InterruptedException {
    for (int n = 1; n <= 1_000; n++) {
      table.add(guid(n), n);
    }
    List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread reader = new Thread(() -> {
      while (writing.get() && wrong.isEmpty()) {
        for (int n = 1; n <= 1_000; n += 7) {
          List<Integer> ids = table.ids(guid(n));
          if (!ids.equals(List.of(n))) {
            wrong.add(n + " -> " + ids);
          }
        }
      }
    });
    reader.start();
    for (int n = 1_001; n <= 60_000; n++) { // several resizes and many page copies
      table.add(guid(n), n);
    }
    writing.set(false);
    reader.join();
    assertThat(wrong).isEmpty();
    assertThat(table.ids(guid(60_000))).containsExactly(60_000);
  }

  @Test
  void forEachGivesEveryHeldPairOnceAndNoRemovedOne() {
    for (int n = 1; n <= 500; n++) {
      table.add(guid(n), n);
    }
    table.add(guid(3), -3); // ids are ints; IMPORT decides them, so no sign is assumed
    table.remove(guid(10), 10);
    Map<Integer, UUID> seen = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    table.forEach((guid, id) -> {
      order.add(id);
      seen.put(id, guid);
    });
    assertThat(order).hasSize(500).doesNotHaveDuplicates().doesNotContain(10);
    assertThat(seen.get(-3)).isEqualTo(guid(3));
    assertThat(seen.get(250)).isEqualTo(guid(250));
    assertThat(table.ids(guid(3))).containsExactly(-3, 3);
  }
}
