package dev.stele.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the server starts, lets the heap grow in a few large steps instead of many small ones
 * (decision 0032). Loading a large registry's state keeps almost everything it allocates, and the
 * serial collector grows its heap only after a full collection, to leave {@code MinHeapFreeRatio}
 * free: at the defaults' 20% a million schemas took 8-10 full collections from the 64 MB start to
 * the 600 MB the state needs. Both ratios are manageable flags, so for the start only the minimum
 * goes to {@value #START_MIN_FREE}% (each step about triples the heap) and shrinking is off; then
 * both go back to what the JVM was started with. Closing twice, or on a JVM without HotSpot's
 * flags, does nothing.
 */
final class StartHeap implements AutoCloseable {
  static final String MIN = "MinHeapFreeRatio";
  static final String MAX = "MaxHeapFreeRatio";
  static final int START_MIN_FREE = 70;
  private static final Logger LOG = LoggerFactory.getLogger(StartHeap.class);

  private final HotSpotDiagnosticMXBean flags;
  private final String min;
  private final String max;
  private boolean closed;

  private StartHeap(HotSpotDiagnosticMXBean flags, String min, String max) {
    this.flags = flags;
    this.min = min;
    this.max = max;
  }

  /** Raises the growth for the start; close it once the server is ready (or failed). */
  static StartHeap grow() {
    HotSpotDiagnosticMXBean flags;
    String min;
    String max;
    try {
      flags = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      min = flags.getVMOption(MIN).getValue();
      max = flags.getVMOption(MAX).getValue();
      // The JVM keeps min <= max at every step: widen the maximum first.
      flags.setVMOption(MAX, "100");
      flags.setVMOption(MIN, Integer.toString(Math.max(START_MIN_FREE, Integer.parseInt(min))));
    } catch (RuntimeException e) {
      LOG.debug("Not changing the heap's growth for the start: {}", e.toString());
      return new StartHeap(null, null, null);
    }
    return new StartHeap(flags, min, max);
  }

  @Override
  public void close() {
    if (closed || flags == null) {
      return;
    }
    closed = true;
    try {
      flags.setVMOption(MIN, min);
      flags.setVMOption(MAX, max);
    } catch (RuntimeException e) {
      LOG.warn("Could not restore {}={} and {}={} after the start: {}", MIN, min, MAX, max, e.toString());
    }
  }
}
