package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class StartHeapTest {
  private static final HotSpotDiagnosticMXBean FLAGS =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

  private static String flag(String name) {
    return FLAGS.getVMOption(name).getValue();
  }

  @Test
  void growsInLargeStepsDuringTheStartAndRestoresTheJvmsRatiosAfter() {
    String min = flag(StartHeap.MIN);
    String max = flag(StartHeap.MAX);
    StartHeap heap = StartHeap.grow();
    try {
      assertThat(Integer.parseInt(flag(StartHeap.MIN)))
          .isGreaterThanOrEqualTo(StartHeap.START_MIN_FREE);
      assertThat(flag(StartHeap.MAX)).isEqualTo("100");
    } finally {
      heap.close();
    }
    assertThat(flag(StartHeap.MIN)).isEqualTo(min);
    assertThat(flag(StartHeap.MAX)).isEqualTo(max);
    heap.close(); // a second close leaves them alone
    assertThat(flag(StartHeap.MIN)).isEqualTo(min);
    assertThat(flag(StartHeap.MAX)).isEqualTo(max);
  }
}
