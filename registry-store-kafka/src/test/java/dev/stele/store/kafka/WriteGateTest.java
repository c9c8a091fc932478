package dev.stele.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.AppendQueue;
import dev.stele.registry.log.PendingAppend;
import dev.stele.registry.log.RegistryRecord.NoopRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate as the writer uses it: the admission of its append queue. */
class WriteGateTest {
  private final WriteGate gate = new WriteGate();
  private final AppendQueue queue = new AppendQueue(gate);

  private static PendingAppend append() {
    return PendingAppend.encode(List.of(new NoopRecord()));
  }

  @Test
  void refusingThenDrainingHandsBackTheQueuedAndRefusesNewOnesUntilAcceptedThenOneMore() {
    PendingAppend queued = append();
    queue.offer(queued);

    gate.refuse("busy");
    assertThat(queue.drain()).containsExactly(queued);
    assertThat(queue.offer(append())).isEqualTo("busy");
    gate.accept("once more");
    assertThat(queue.offer(append())).isEqualTo("once more");
    PendingAppend accepted = append();
    assertThat(queue.offer(accepted)).isNull();
    assertThat(queue.takeAll()).containsExactly(accepted);
  }

  @Test
  void holdsKeepTheQueuedAndRefuseNewOnesUntilTheLastReleaseThenOneMore() {
    PendingAppend queued = append();
    queue.offer(queued);

    gate.hold("unread");
    gate.hold("unread");
    assertThat(queue.offer(append())).isEqualTo("unread");
    gate.release("after unread");
    assertThat(queue.offer(append())).isEqualTo("unread");
    gate.release("after unread");
    assertThat(queue.offer(append())).isEqualTo("after unread");
    PendingAppend accepted = append();
    assertThat(queue.offer(accepted)).isNull();
    assertThat(queue.takeAll()).containsExactly(queued, accepted);
  }

  @Test
  void aReleaseWhileRefusingLeavesTheRefusalInCharge() {
    gate.hold("unread");
    gate.refuse("fenced");
    gate.release("after unread");

    assertThat(queue.offer(append())).isEqualTo("fenced");
    assertThat(queue.offer(append())).isEqualTo("fenced");
  }

  @Test
  void aClosedQueueRefusesForGoodWhateverTheGateSays() {
    PendingAppend queued = append();
    queue.offer(queued);

    assertThat(queue.close("closed")).containsExactly(queued);
    gate.accept(null);
    assertThat(queue.offer(append())).isEqualTo("closed");
    assertThat(queue.takeAll()).isNull();
  }
}
