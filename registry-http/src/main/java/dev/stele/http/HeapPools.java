package dev.stele.http;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Arrays;
import java.util.List;

/**
 * The heap pools {@link HeapGuard} judges. The old generation is where live data accumulates:
 * "Tenured Gen" (serial), "PS Old Gen" (parallel), "G1 Old Gen", and the single pool of ZGC and
 * Shenandoah. The young pools are left out: eden is empty after every young collection, and a
 * survivor space full after one is normal, not a sign of trouble. Where the JVM reports no such
 * pool with collection usage, the guard falls back to {@link Runtime}'s figures, which count
 * garbage too (coarser: they can trip before a collection would have freed the room).
 */
final class HeapPools {
  private HeapPools() {}

  static List<HeapGuard.Pool> watched() {
    List<HeapGuard.Pool> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(HeapPools::isOldGeneration)
        .<HeapGuard.Pool>map(JvmPool::new)
        .toList();
    return pools.isEmpty() ? List.of(new RuntimePool()) : pools;
  }

  private static boolean isOldGeneration(MemoryPoolMXBean pool) {
    String name = pool.getName();
    return pool.getType() == MemoryType.HEAP && pool.isValid()
        && pool.isCollectionUsageThresholdSupported()
        && pool.getUsage() != null && pool.getUsage().getMax() > 0
        && !name.contains("Eden") && !name.contains("Survivor");
  }

  /** Collections of any collector that manages a pool of this name. */
  private static long collectionsOf(String poolName) {
    long count = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (poolName == null || Arrays.asList(collector.getMemoryPoolNames()).contains(poolName)) {
        count += Math.max(0, collector.getCollectionCount());
      }
    }
    return count;
  }

  private record JvmPool(MemoryPoolMXBean bean) implements HeapGuard.Pool {
    @Override
    public String name() {
      return bean.getName();
    }

    @Override
    public long max() {
      return bean.getUsage().getMax();
    }

    @Override
    public long usedAfterGc() {
      MemoryUsage usage = bean.getCollectionUsage();
      return usage == null ? -1 : usage.getUsed();
    }

    @Override
    public long collections() {
      return collectionsOf(bean.getName());
    }

    @Override
    public void notifyAbove(long bytes) {
      bean.setCollectionUsageThreshold(Math.max(0, Math.min(bytes, max())));
    }
  }

  /** The whole heap as {@link Runtime} sees it: used now, garbage included. */
  private static final class RuntimePool implements HeapGuard.Pool {
    @Override
    public String name() {
      return "heap (Runtime figures)";
    }

    @Override
    public long max() {
      long max = Runtime.getRuntime().maxMemory();
      return max == Long.MAX_VALUE ? -1 : max;
    }

    @Override
    public long usedAfterGc() {
      Runtime runtime = Runtime.getRuntime();
      return runtime.totalMemory() - runtime.freeMemory();
    }

    @Override
    public long collections() {
      return collectionsOf(null);
    }

    @Override
    public void notifyAbove(long bytes) {
      // No notification without a pool: the ticks read the figures.
    }
  }
}
