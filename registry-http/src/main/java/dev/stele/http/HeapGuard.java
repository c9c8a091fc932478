package dev.stele.http;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses new expensive work (routes declared {@link Cost#PARSES}) while the heap is nearly full,
 * so that a burst of registrations cannot take the JVM to an OutOfMemoryError that would hit
 * whichever thread allocates next, the log's and the writer's included.
 *
 * <p>Assumption: how full the old generation is <em>right after a collection</em> is the live
 * data plus what requests in flight hold; the figure between collections also counts garbage and
 * would trip on every transient peak. So the guard reads collection usage ({@link HeapPools}),
 * is told by the JVM's collection-usage threshold notification as soon as a collection leaves the
 * pool above the limit, and re-reads the figures every {@link #TICK_SECONDS} seconds on its own
 * thread (to clear, since the JVM does not notify falling below). An old generation is only
 * collected when it fills, so a figure can stay stale (and the guard tripped) on a quiet server;
 * after {@link #QUIET_TICKS_BEFORE_GC} ticks without a collection of a tripped pool the guard
 * asks for one ({@code System.gc()}; a no-op under {@code -XX:+DisableExplicitGC}, then it clears
 * at the next collection the JVM runs by itself).
 *
 * <p>{@link #refusal} is called on the event loop for every expensive request: a volatile read.
 */
public final class HeapGuard implements AutoCloseable {
  /** The setting that names the limit; a percentage of 100 switches the guard off. */
  public static final String SETTING = "stele.heap.refuse.percent";
  public static final int DEFAULT_PERCENT = 90;
  public static final int OFF_PERCENT = 100;
  /** What a refused client is told to wait: about two ticks, time for a collection to clear it. */
  static final int RETRY_AFTER_SECONDS = 10;
  static final long TICK_SECONDS = 5;
  static final int QUIET_TICKS_BEFORE_GC = 6;

  /** Never refuses: tests, embedded servers, and {@code stele.heap.refuse.percent=100}. */
  public static final HeapGuard OFF = new HeapGuard(OFF_PERCENT, List.of(), () -> { });
  /** The least time between two sheddings, so that a heap that is really full is not collected over and over. */
  static final long SHED_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2 * TICK_SECONDS);

  private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);

  /** One watched memory pool, as far as the guard needs it (fakes in tests). */
  interface Pool {
    String name();

    /** The most the pool may hold, in bytes; 0 or less when unknown (the pool is not judged). */
    long max();

    /** Bytes in use after the latest collection of this pool; negative when unknown. */
    long usedAfterGc();

    /** How many collections of this pool there have been (to tell a stale figure). */
    long collections();

    /** Asks the JVM to notify when a collection leaves more than {@code bytes} in the pool. */
    void notifyAbove(long bytes);
  }

  private final int percent;
  private final List<Pool> pools;
  private final Runnable collect;
  private final Runnable shed;
  private final AtomicLong refusals = new AtomicLong();
  /** The message expensive requests are refused with; null while the heap is fine. */
  private volatile String refusal;
  private volatile Runnable stop = () -> { };
  // Touched only by tick(), which one thread runs.
  private long collectionsSeen = -1;
  private int quietTicks;
  // Guarded by this (judge): when the caches were last shed, 0 never.
  private long shedAt;

  /**
   * A guard over {@code pools} that reads them only when told to ({@link #tick}, {@link
   * #collected}): what tests build; {@link #start} adds the JVM's notification and the ticks.
   *
   * @param collect asks the JVM for a collection, for a figure gone stale while tripped
   */
  HeapGuard(int percent, List<Pool> pools, Runnable collect) {
    this(percent, pools, collect, null);
  }

  /**
   * The same, with caches to shed before tripping.
   *
   * @param collect asks the JVM for a collection
   * @param shed drops what the server keeps only to be faster, tried with a collection before
   *     the guard trips; null for nothing to shed
   */
  HeapGuard(int percent, List<Pool> pools, Runnable collect, Runnable shed) {
    if (percent < 1 || percent > OFF_PERCENT) {
      throw new IllegalArgumentException(SETTING + " must be 1 to 100, not " + percent);
    }
    this.percent = percent;
    this.pools = List.copyOf(pools);
    this.collect = collect;
    this.shed = shed;
  }

  /**
   * Watches this JVM's heap and refuses expensive work above {@code percent} percent full after
   * a collection; {@link #OFF} at 100. Close it to stop watching. Before it trips, it calls
   * {@code shed} and asks for a collection, and trips only if the heap is still that full.
   */
  public static HeapGuard start(int percent, Runnable shed) {
    if (percent == OFF_PERCENT) {
      return OFF;
    }
    HeapGuard guard = new HeapGuard(percent, HeapPools.watched(), System::gc, shed);
    for (Pool pool : guard.pools) {
      pool.notifyAbove(pool.max() / 100 * percent);
    }
    NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
    NotificationListener listener = (notification, handback) -> {
      if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED
          .equals(notification.getType())) {
        guard.collected();
      }
    };
    emitter.addNotificationListener(listener, null, null);
    ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "stele-heap-guard");
      thread.setDaemon(true);
      return thread;
    });
    ticks.scheduleWithFixedDelay(guard::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    guard.stop = () -> {
      ticks.shutdownNow();
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already gone: nothing to undo
      }
      guard.pools.forEach(pool -> pool.notifyAbove(0)); // 0: no threshold
    };
    LOG.info("Refusing registrations, lookups and compatibility checks while {} is over {}% full"
        + " after a collection ({}={})", guard.describePools(), percent, SETTING, percent);
    return guard;
  }

  /** Whether this guard can refuse anything (false at 100%). */
  public boolean enabled() {
    return percent < OFF_PERCENT;
  }

  public int percent() {
    return percent;
  }

  /**
   * The message to refuse a new expensive request with, counted as one refusal; null while the
   * heap has room for it.
   */
  String refusal() {
    String message = refusal;
    if (message != null) {
      refusals.incrementAndGet();
    }
    return message;
  }

  /** Whether expensive requests are being refused now. */
  public boolean tripped() {
    return refusal != null;
  }

  /** How many requests were refused since start. */
  public long refusals() {
    return refusals.get();
  }

  /** The JVM says a collection left a pool above its threshold: judge at once. */
  void collected() {
    judge();
  }

  /**
   * The periodic look: judges the figures and, while tripped on a figure no collection has
   * renewed for a while, asks for a collection so that a quiet server does not refuse for ever.
   */
  void tick() {
    try {
      judge();
      long collections = pools.stream().mapToLong(Pool::collections).sum();
      quietTicks = collections == collectionsSeen ? quietTicks + 1 : 0;
      collectionsSeen = collections;
      if (tripped() && quietTicks >= QUIET_TICKS_BEFORE_GC) {
        quietTicks = 0;
        collect.run();
        judge();
      }
    } catch (RuntimeException e) {
      // A failing look must not end the ticks (a scheduled task that throws is never run again).
      LOG.warn("Could not read the heap's figures: {}", e.toString());
    }
  }

  /**
   * Test hook: trips or clears the guard as a collection leaving the heap {@code fullPercent}
   * full would (until the pools' own figures say otherwise).
   */
  void collectedTo(int fullPercent) {
    change(fullPercent >= percent ? message(fullPercent) : null, "the test hook", fullPercent);
  }

  /**
   * Re-reads every pool; trips or clears on the fullest, logging only a change of state. Before
   * tripping, sheds the caches and collects (at most once per {@link #SHED_INTERVAL_NANOS}): the
   * parsed-schema cache is softly held, so a collection counts it as live although the JVM would
   * give it up before running out, and refusing writes for it would be refusing for a cache.
   */
  private synchronized void judge() {
    Fullest fullest = fullest();
    if (shed != null && fullest != null && fullest.percent() >= percent && refusal == null) {
      long now = System.nanoTime();
      if (shedAt == 0 || now - shedAt >= SHED_INTERVAL_NANOS) {
        shedAt = now;
        shed.run();
        collect.run();
        Fullest after = fullest();
        LOG.info("Heap {}% full after a collection ({}): dropped the parsed-schema and digest caches and collected,"
            + " now {}% full", fullest.percent(), fullest.pool(), after == null ? -1 : after.percent());
        fullest = after;
      }
    }
    if (fullest != null) {
      change(fullest.percent() >= percent ? message(fullest.percent()) : null, fullest.pool(), fullest.percent());
    }
  }

  private record Fullest(String pool, int percent) {}

  /** The fullest pool after its latest collection, or null when no pool's figures are known. */
  private Fullest fullest() {
    int fullest = -1;
    String fullestPool = null;
    for (Pool pool : pools) {
      long max = pool.max();
      long used = pool.usedAfterGc();
      if (max <= 0 || used < 0) {
        continue;
      }
      int full = (int) Math.min(100, used * 100 / max);
      if (full > fullest) {
        fullest = full;
        fullestPool = pool.name();
      }
    }
    return fullestPool == null ? null : new Fullest(fullestPool, fullest);
  }

  private synchronized void change(String next, String pool, int full) {
    boolean was = refusal != null;
    refusal = next;
    if (next != null && !was) {
      LOG.warn("Heap {}% full after a collection ({}; limit {}%): refusing registrations, lookups,"
          + " compatibility checks and format conversions until it is below; raise {} or the"
          + " heap size (-Xmx) if this is the normal load", full, pool, percent, SETTING);
    } else if (next == null && was) {
      LOG.info("Heap {}% full after a collection ({}; limit {}%): serving every request again;"
          + " {} refused since start", full, pool, percent, refusals.get());
    }
  }

  private String message(int fullPercent) {
    return "Server is low on memory (heap " + fullPercent + "% full after GC, limit " + percent
        + "%); try again later or raise " + SETTING + " or the heap size";
  }

  private String describePools() {
    return pools.isEmpty() ? "nothing"
        : String.join(", ", pools.stream().map(Pool::name).toList());
  }

  /** Stops watching (the notification listener, the thresholds and the ticks). */
  @Override
  public void close() {
    stop.run();
  }
}
