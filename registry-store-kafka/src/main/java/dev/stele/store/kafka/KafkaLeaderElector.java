package dev.stele.store.kafka;

import dev.stele.registry.cluster.LeaderElector;
import dev.stele.registry.cluster.NodeIdentity;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election over a Kafka consumer group ({@code schema.registry.group.id}, classic
 * protocol), with public client APIs only: every node subscribes to the schema topic with the
 * {@link LeaderAssignor}, which elects the eligible member with the smallest URL (or, when
 * sticky, keeps the current leader) and tells every member who won. The consumer reads nothing (the partition it may own is paused); it exists for
 * its group membership. A killed leader is noticed by the followers' {@link LeaderProbe} (its
 * listener refuses connections), which call an election at once; the broker drops the dead
 * member when it has not rejoined within the rebalance timeout. A node that stops heartbeating
 * unnoticed is dropped after the session timeout. See docs/kafka-store.md.
 */
public final class KafkaLeaderElector implements LeaderElector, LeaderAssignor.Member {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaLeaderElector.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaStoreConfig store;
  private final String groupId;
  private final ElectionTiming timing;
  private final boolean sticky;
  private volatile NodeIdentity self;
  /** Set by {@link #resign}: the poll thread asks the group for a new election. */
  private volatile boolean resignRequested;
  private volatile boolean resigned;
  /** Set by the probe: this leader refused connections; the poll thread calls an election. */
  private volatile NodeIdentity leaderGone;
  /**
   * Elections this member asked for because the leader was gone, sent in its identity: Kafka
   * starts an election for a member that rejoins only when its metadata changed (or it is the
   * group's assignor), so the count is what makes the rejoin an election.
   */
  private volatile int electionsCalled;
  private volatile int electionsAnswered;
  /** Poll thread only: the group generation when this member last called an election, or -1. */
  private int calledInGeneration = -1;
  private String calledOn; // poll thread only: the URL of the leader the pending call was about
  private long calledAt; // poll thread only: System.nanoTime() of that call
  private volatile LeaderProbe probe;
  private volatile Listener listener;
  private volatile Optional<NodeIdentity> leader = Optional.empty();
  private volatile List<NodeIdentity> members = List.of();
  private volatile boolean running;
  private KafkaConsumer<byte[], byte[]> consumer;
  private Thread thread;
  private Optional<NodeIdentity> reported; // the last result passed on; poll thread only

  /** @param sticky {@code leader.election.sticky}: a current leader keeps leading while eligible */
  public KafkaLeaderElector(KafkaStoreConfig store, String groupId, ElectionTiming timing,
      boolean sticky) {
    this.store = Objects.requireNonNull(store, "store");
    this.groupId = Objects.requireNonNull(groupId, "groupId");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.sticky = sticky;
  }

  /** Not sticky (Confluent's rule): the tests that use it expect the smallest URL to lead. */
  public KafkaLeaderElector(KafkaStoreConfig store, String groupId) {
    this(store, groupId, ElectionTiming.DEFAULTS, false);
  }

  @Override
  public synchronized void start(NodeIdentity self, Listener listener) {
    if (thread != null) {
      throw new IllegalStateException("an elector is started once");
    }
    this.self = Objects.requireNonNull(self, "self");
    this.listener = Objects.requireNonNull(listener, "listener");
    Map<String, Object> settings = ClientSettings.elector(store, groupId, timing);
    settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, LeaderAssignor.class.getName());
    settings.put(LeaderAssignor.MEMBER, this);
    consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    running = true;
    probe = new LeaderProbe(timing.probe(), gone -> leaderGone = gone);
    thread = new Thread(this::run, "stele-elector");
    thread.setDaemon(true);
    thread.start();
    LOG.info("Joining the leader election of group '{}' as {} ({})", groupId, self.url(),
        self.eligible() ? "eligible" : "never leads: leader.eligibility=false");
  }

  private void run() {
    try {
      consumer.subscribe(List.of(store.topic()), new Rebalances());
      while (running) {
        try {
          if (resignRequested) {
            resignRequested = false;
            // The next join sends this member as ineligible: the group elects another.
            consumer.enforceRebalance("leaving: hand leadership over");
          }
          callElectionIfLeaderGone();
          consumer.poll(POLL);
        } catch (WakeupException | InterruptException e) {
          throw e;
        } catch (RuntimeException e) {
          // Authorization, a coordinator error: report no leader rather than a stale one.
          LOG.warn("Leader election in group '{}' failed: {}; retrying", groupId, e.toString());
          assigned(Optional.empty());
          sleep();
        }
      }
    } catch (WakeupException | InterruptException e) {
      // close() asked us to end
    } finally {
      probe.close();
      // Leaving the group at once lets the others elect without waiting for the session timeout.
      try {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      } catch (RuntimeException e) {
        LOG.warn("Leaving the election group failed: {}", e.toString());
      }
    }
  }

  /**
   * On the poll thread. The probe saw the leader's process gone: ask for an election now rather
   * than at the end of its session. The group waits up to the rebalance timeout for every member
   * to rejoin and then drops the dead one; a leader that is alive after all rejoins and, the
   * election being sticky or its URL the smallest, keeps leading.
   */
  private void callElectionIfLeaderGone() {
    NodeIdentity gone = leaderGone;
    if (gone == null) {
      return;
    }
    leaderGone = null;
    if (!leader.map(l -> l.url().equals(gone.url())).orElse(false)) {
      return; // another election already replaced it
    }
    electionsCalled++;
    calledInGeneration = consumer.groupMetadata().generationId();
    calledOn = gone.url();
    calledAt = System.nanoTime();
    LOG.info("The leader {} refuses connections ({} probes in a row): calling an election in"
        + " group '{}' (leader probe)", gone.url(), LeaderProbe.REFUSALS_IN_A_ROW, groupId);
    consumer.enforceRebalance("leader probe: " + gone.url() + " refuses connections");
  }

  /** Elections this member called because its probe found the leader gone. */
  @Override
  public int electionsCalled() {
    return electionsCalled;
  }

  /** Of those, how many the group held (a new generation), keeping the leader or not. */
  public int electionsAnswered() {
    return electionsAnswered;
  }

  /** Connections the probe opened to leaders so far: to watch it work (tests, diagnostics). */
  public long probesSent() {
    return probe == null ? 0 : probe.sent();
  }

  @Override
  public NodeIdentity self() {
    NodeIdentity me = self;
    return resigned ? new NodeIdentity(me.scheme(), me.host(), me.port(), false) : me;
  }

  @Override
  public boolean leads() {
    NodeIdentity me = self;
    return !resigned && leader.map(l -> l.url().equals(me.url())).orElse(false);
  }

  @Override
  public boolean sticky() {
    return sticky;
  }

  /**
   * Stops being eligible and asks the group for a new election, while this node stays a member
   * and so keeps learning who leads (it can forward writes to the new leader until it leaves).
   */
  @Override
  public void resign() {
    resigned = true;
    resignRequested = true;
  }

  @Override
  public void members(List<NodeIdentity> elected) {
    members = List.copyOf(elected);
  }

  @Override
  public List<NodeIdentity> members() {
    return members;
  }

  /** From the assignor, on the poll thread, after every election. */
  @Override
  public void assigned(Optional<NodeIdentity> winner) {
    leader = winner;
    if (winner.isEmpty()) {
      members = List.of(); // out of the group, or no result: the list would be stale
    }
    // A result of a later generation: the group did hold the election (a rejoin Kafka did not
    // take for one would be answered with the current generation).
    int generation = consumer.groupMetadata().generationId();
    if (calledInGeneration >= 0 && generation > calledInGeneration) {
      calledInGeneration = -1;
      electionsAnswered++;
      LOG.info("The election called on {} by the leader probe was held {} ms later (generation"
          + " {}): the leader is {}", calledOn, (System.nanoTime() - calledAt) / 1_000_000,
          generation, winner.map(NodeIdentity::url).orElse("none"));
    }
    probe.watch(winner.filter(w -> !w.url().equals(self.url())));
    if (winner.equals(reported)) {
      return;
    }
    reported = winner;
    if (winner.isEmpty()) {
      LOG.warn("Group '{}' has no leader (no eligible member, or a configuration error)", groupId);
      listener.leaderUnknown();
    } else if (winner.get().url().equals(self.url())) {
      LOG.info("Elected leader of group '{}'", groupId);
      listener.elected();
    } else {
      LOG.info("The leader of group '{}' is {}", groupId, winner.get().url());
      listener.following(winner.get());
    }
  }

  @Override
  public Optional<NodeIdentity> leader() {
    return leader;
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      t = thread;
      running = false;
    }
    if (t == null) {
      return;
    }
    consumer.wakeup();
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** The partition is a token: never fetched. Losing it means the group dropped this member. */
  private final class Rebalances implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      consumer.pause(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // A new election is under way; the current leader stays until its result arrives.
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      LOG.warn("This node was dropped from group '{}' (missed heartbeats)", groupId);
      assigned(Optional.empty());
    }
  }
}
