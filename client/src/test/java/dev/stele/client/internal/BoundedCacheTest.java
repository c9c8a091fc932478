package dev.stele.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  @Test
  void keepsWhatFitsAndEvictsWhenFull() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(16);
    for (int i = 0; i < 1000; i++) {
      cache.put(i, "v" + i);
      assertThat(cache.get(i)).isEqualTo("v" + i);
      assertThat(cache.size()).isLessThanOrEqualTo(16);
    }
  }

  @Test
  void replacingAKeyInAFullCacheEvictsNothing() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(2);
    cache.put(1, "a");
    cache.put(2, "b");
    cache.put(2, "c");
    assertThat(cache.get(1)).isEqualTo("a");
    assertThat(cache.get(2)).isEqualTo("c");
  }

  @Test
  void entriesExpireAfterTheirTimeToLive() {
    AtomicLong now = new AtomicLong(1_000);
    BoundedCache<String, String> cache = new BoundedCache<>(10, 100, now::get);
    cache.put("s", "v1");
    now.addAndGet(100);
    assertThat(cache.get("s")).isEqualTo("v1");
    now.addAndGet(1);
    assertThat(cache.get("s")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void removeIfDropsMatchingKeys() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(10);
    cache.put("a-1", 1);
    cache.put("a-2", 2);
    cache.put("b-1", 3);
    cache.removeIf(key -> key.startsWith("a-"));
    assertThat(cache.get("a-1")).isNull();
    assertThat(cache.get("b-1")).isEqualTo(3);
  }

  @Test
  void concurrentPutsStayNearTheBound() throws Exception {
    BoundedCache<Integer, Integer> cache = new BoundedCache<>(64);
    int threads = 4;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * 100_000;
      Thread worker = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          cache.put(base + i, i);
          cache.get(base + i / 2);
        }
      });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    assertThat(cache.size()).isLessThanOrEqualTo(64 + threads);
  }
}
