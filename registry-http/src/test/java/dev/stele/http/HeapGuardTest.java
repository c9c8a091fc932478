package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard's decisions over a fake pool: trip after a collection, clear, ask for a collection. */
class HeapGuardTest {
  private static final String TRIPPED_AT_93 = "Server is low on memory (heap 93% full after GC,"
      + " limit 90%); try again later or raise stele.heap.refuse.percent or the heap size";

  /** A pool of 1000 bytes whose figure after a collection the test sets. */
  static final class FakePool implements HeapGuard.Pool {
    long max = 1000;
    long usedAfterGc = -1;
    long collections;
    long threshold = -1;

    /** A collection happened and left {@code used} bytes. */
    void collectedTo(long used) {
      usedAfterGc = used;
      collections++;
    }

    @Override
    public String name() {
      return "Fake Old Gen";
    }

    @Override
    public long max() {
      return max;
    }

    @Override
    public long usedAfterGc() {
      return usedAfterGc;
    }

    @Override
    public long collections() {
      return collections;
    }

    @Override
    public void notifyAbove(long bytes) {
      threshold = bytes;
    }
  }

  private final FakePool pool = new FakePool();
  private final AtomicInteger gcRequests = new AtomicInteger();
  private final HeapGuard guard = new HeapGuard(90, List.of(pool), gcRequests::incrementAndGet);

  /** A collection left {@code used} bytes in the pool, and the guard heard of it from the JVM. */
  private void afterCollection(long used) {
    pool.collectedTo(used);
    guard.collected();
  }

  @Test
  void servesWhileACollectionLeavesRoom() {
    afterCollection(899);
    guard.tick();
    assertThat(guard.tripped()).isFalse();
    assertThat(guard.refusal()).isNull();
    assertThat(guard.refusals()).isZero();
  }

  @Test
  void shedsTheCachesAndCollectsBeforeTrippingAndTripsOnlyIfThatLeavesNoRoom() {
    AtomicInteger sheds = new AtomicInteger();
    AtomicInteger collections = new AtomicInteger();
    long[] afterShed = {850};
    HeapGuard shedding = new HeapGuard(90, List.of(pool), () -> {
      collections.incrementAndGet();
      if (sheds.get() > 0) {
        pool.collectedTo(afterShed[0]); // the collection after shedding frees what the cache held
      }
    }, sheds::incrementAndGet);
    pool.collectedTo(930);
    shedding.collected();
    assertThat(sheds.get()).isEqualTo(1);
    assertThat(collections.get()).isEqualTo(1);
    assertThat(shedding.tripped()).as("the cache was what filled the heap").isFalse();

    // Over again at once: not shed again within the interval (a full heap is not collected over
    // and over), so it trips.
    pool.collectedTo(940);
    shedding.collected();
    assertThat(sheds.get()).isEqualTo(1);
    assertThat(shedding.tripped()).isTrue();
    assertThat(shedding.refusal()).startsWith("Server is low on memory (heap 94% full after GC");

    // While tripped it does not shed; once clear, a later fill sheds again only after the interval.
    shedding.collected();
    assertThat(sheds.get()).isEqualTo(1);
  }

  @Test
  void aHeapStillFullAfterSheddingTrips() {
    AtomicInteger sheds = new AtomicInteger();
    HeapGuard shedding = new HeapGuard(90, List.of(pool), () -> pool.collectedTo(925), sheds::incrementAndGet);
    pool.collectedTo(960);
    shedding.collected();
    assertThat(sheds.get()).isEqualTo(1);
    assertThat(shedding.tripped()).isTrue();
    assertThat(shedding.refusal()).startsWith("Server is low on memory (heap 92% full after GC");
  }

  @Test
  void tripsWhenACollectionLeavesThePoolOverTheLimitAndCountsRefusals() {
    afterCollection(930);
    assertThat(guard.tripped()).isTrue();
    assertThat(guard.refusal()).isEqualTo(TRIPPED_AT_93);
    assertThat(guard.refusal()).isEqualTo(TRIPPED_AT_93);
    assertThat(guard.refusals()).isEqualTo(2);
  }

  @Test
  void theLimitItselfTrips() {
    afterCollection(900);
    assertThat(guard.tripped()).isTrue();
  }

  @Test
  void clearsAtTheNextLookAfterACollectionFreedTheRoom() {
    afterCollection(950);
    assertThat(guard.tripped()).isTrue();
    pool.collectedTo(400);
    guard.tick();
    assertThat(guard.tripped()).isFalse();
    assertThat(guard.refusal()).isNull();
  }

  @Test
  void aFigureNoCollectionRenewsIsRenewedByAskingForOne() {
    HeapGuard freeing = new HeapGuard(90, List.of(pool), () -> {
      gcRequests.incrementAndGet();
      pool.collectedTo(100);
    });
    pool.collectedTo(950);
    freeing.collected();
    freeing.tick(); // the first look notes how many collections there were
    for (int quiet = 1; quiet < HeapGuard.QUIET_TICKS_BEFORE_GC; quiet++) {
      freeing.tick();
      assertThat(gcRequests).as("after %d quiet ticks", quiet).hasValue(0);
      assertThat(freeing.tripped()).isTrue();
    }
    freeing.tick();
    assertThat(gcRequests).hasValue(1);
    assertThat(freeing.tripped()).as("the requested collection freed the room").isFalse();
  }

  @Test
  void collectionsThatKeepComingNeedNoRequest() {
    afterCollection(950);
    for (int i = 0; i < 3 * HeapGuard.QUIET_TICKS_BEFORE_GC; i++) {
      pool.collectedTo(950);
      guard.tick();
    }
    assertThat(gcRequests).hasValue(0);
    assertThat(guard.tripped()).isTrue();
  }

  @Test
  void noRequestForACollectionWhileServing() {
    pool.collectedTo(100);
    for (int i = 0; i < 3 * HeapGuard.QUIET_TICKS_BEFORE_GC; i++) {
      guard.tick();
    }
    assertThat(gcRequests).hasValue(0);
  }

  @Test
  void aPoolWithoutFiguresIsNotJudged() {
    guard.collectedTo(95);
    pool.usedAfterGc = -1; // no collection yet
    guard.tick();
    assertThat(guard.tripped()).as("nothing known: the state stays").isTrue();
    pool.max = -1;
    pool.usedAfterGc = 10;
    guard.tick();
    assertThat(guard.tripped()).isTrue();
  }

  @Test
  void theTestHookTripsAsACollectionWould() {
    guard.collectedTo(93);
    assertThat(guard.refusal()).isEqualTo(TRIPPED_AT_93);
  }

  @Test
  void percentagesOutsideOneToHundredAreRefused() {
    assertThatThrownBy(() -> new HeapGuard(0, List.of(), () -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
    assertThatThrownBy(() -> new HeapGuard(101, List.of(), () -> { }))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hundredSwitchesTheGuardOff() {
    assertThat(HeapGuard.start(100, () -> { })).isSameAs(HeapGuard.OFF);
    assertThat(HeapGuard.OFF.enabled()).isFalse();
    assertThat(HeapGuard.OFF.refusal()).isNull();
  }

  @Test
  void onThisJvmItWatchesTheOldGenerationWithAThreshold() {
    List<HeapGuard.Pool> pools = HeapPools.watched();
    assertThat(pools).isNotEmpty();
    assertThat(pools).extracting(HeapGuard.Pool::name)
        .noneMatch(name -> name.contains("Eden") || name.contains("Survivor"));
    try (HeapGuard real = HeapGuard.start(99, () -> { })) {
      assertThat(real.enabled()).isTrue();
      assertThat(real.percent()).isEqualTo(99);
    }
  }
}
