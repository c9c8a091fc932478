package dev.stele.registry;

import dev.stele.registry.cluster.LeaderElector;
import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.registry.log.AppendListener;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.model.KeyOptions;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.parse.ParsedCache;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.read.FieldSearch;
import dev.stele.registry.read.IdReads;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.write.CheckRunner;
import dev.stele.registry.write.Writer;
import dev.stele.schema.SchemaFormats;
import java.time.Duration;
import java.util.List;

/**
 * One registry node: its state, built by replaying a {@link RecordLog}, and the services over it.
 * Wiring only; the rules live in the services.
 */
public final class RegistryNode implements AutoCloseable {
  /** How long a write may wait for the log before the client is told it may or may not have landed. */
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final RecordLog log;
  private final RegistryState state;
  private final Writer writer;
  /** Where registrations' compatibility checks run, off the writer thread, under a budget. */
  private final CheckRunner checks;
  private final Registry registry;
  private final Settings settings;
  private final KeyRegistryService keys;
  private final HistoryWarmer warmer;
  private final SchemaViews views;
  private final NodeLeadership cluster; // null: the node leads alone
  private final SchemaParser parser;

  private RegistryNode(RecordLog log, RegistryState state, SchemaFormats formats, NodeOptions options,
      KeyOptions keyOptions, boolean alone) {
    this.log = log;
    this.state = state;
    SchemaParser parser = new SchemaParser(formats, ParsedCache.forHeap(), options.limits());
    this.parser = parser;
    this.writer = new Writer(log, state, WRITE_TIMEOUT, alone);
    this.checks = new CheckRunner(Runtime.getRuntime().availableProcessors(), options.checkBudget());
    this.registry = new RegistryService(state, writer, parser, options, checks);
    this.settings = new SettingsService(state, writer, options);
    this.keys = new KeyRegistryService(state, writer, keyOptions);
    this.warmer = HistoryWarmer.start(state, parser, options);
    FieldSearch fields = new FieldSearch(state, parser);
    IdReads ids = new IdReads(state, parser);
    this.views = new SchemaViews() {
      @Override
      public List<Results.FieldMatch> fields(Requests.FindFields request) {
        return fields.find(request);
      }

      @Override
      public String normalized(Requests.SchemaById request) {
        return ids.normalized(request);
      }
    };
    this.cluster = alone ? null : new NodeLeadership(log, writer);
  }

  /** Drops what is kept only for speed (parsed schemas, check digests): the heap guard's last resort. */
  public void shedCaches() {
    parser.shedCaches();
  }

  /**
   * Opens the log, replays it into memory, makes this node the log's writer and returns a node
   * ready to serve: the embedded store, or a Kafka store without election.
   */
  public static RegistryNode open(RecordLog log, SchemaFormats formats, NodeOptions options) {
    return open(log, formats, options, KeyOptions.DEFAULTS);
  }

  /** {@link #open(RecordLog, SchemaFormats, NodeOptions)} with the DEK registry's options. */
  public static RegistryNode open(RecordLog log, SchemaFormats formats, NodeOptions options,
      KeyOptions keyOptions) {
    return replay(log, formats, options, keyOptions, true);
  }

  /**
   * Opens the log and replays it, as one node of a cluster: it serves reads at once but decides
   * no write until {@link #joinElection} has made it the leader.
   */
  public static RegistryNode openMember(RecordLog log, SchemaFormats formats, NodeOptions options) {
    return openMember(log, formats, options, KeyOptions.DEFAULTS);
  }

  /** {@link #openMember(RecordLog, SchemaFormats, NodeOptions)} with the DEK registry's options. */
  public static RegistryNode openMember(RecordLog log, SchemaFormats formats, NodeOptions options,
      KeyOptions keyOptions) {
    return replay(log, formats, options, keyOptions, false);
  }

  /** Replays the log into a fresh state; a node {@code alone} becomes the log's writer at once. */
  private static RegistryNode replay(RecordLog log, SchemaFormats formats, NodeOptions options,
      KeyOptions keyOptions, boolean alone) {
    RegistryState state = new RegistryState();
    log.open(state);
    if (alone) {
      log.becomeWriter();
    }
    return new RegistryNode(log, state, formats, options, keyOptions, alone);
  }

  /**
   * Joins the cluster's election as {@code self} (call it once the node listens, so peers can
   * forward to it). From then on this node writes exactly while it leads.
   */
  public void joinElection(LeaderElector elector, NodeIdentity self) {
    joinElection(elector, self, Duration.ZERO);
  }

  /**
   * As {@link #joinElection(LeaderElector, NodeIdentity)}; a write arriving while no leader is
   * known waits up to {@code leaderWait} for one (see {@link Leadership#leaderWait}).
   */
  public void joinElection(LeaderElector elector, NodeIdentity self, Duration leaderWait) {
    if (cluster == null) {
      throw new IllegalStateException("a node opened alone always leads; open it with openMember");
    }
    cluster.start(elector, self, leaderWait);
  }

  /**
   * Before a stop: if this node leads, lets another take over first (up to {@code max}), so the
   * writes it still receives are forwarded instead of failing. Nothing to do alone.
   */
  public void handOver(Duration max) {
    if (cluster != null) {
      cluster.handOver(max);
    }
  }

  /** Whether this node leads, who does, and whether it is ready to serve. */
  public Leadership leadership() {
    return cluster == null ? Leadership.ALONE : cluster;
  }

  public Registry registry() {
    return registry;
  }

  /** Stele's own reads of schemas (/v1/search, /v1/schemas). */
  public SchemaViews views() {
    return views;
  }

  public Settings settings() {
    return settings;
  }

  /** The DEK registry. */
  public KeyRegistry keys() {
    return keys;
  }

  /** How many subjects hold versions (soft-deleted included): for the start-up line and metrics. */
  public int subjectCount() {
    return state.subjectCount();
  }

  /** Tells {@code listener} how long each append to the log took (store write latency). */
  public void onAppend(AppendListener listener) {
    writer.onAppend(listener);
  }

  /** How many versions across subjects (soft-deleted included), for metrics; O(1). */
  public long versionCount() {
    return state.versionCount();
  }

  /** How many distinct schema ids, for metrics; O(1). */
  public long schemaCount() {
    return state.schemaCount();
  }

  /** The offset of the last log record applied (-1 before any), for metrics. */
  public long lastOffset() {
    return state.lastOffset();
  }

  @Override
  public void close() {
    if (cluster != null) {
      cluster.close(); // leave the election first, so another node takes over promptly
    }
    warmer.stop();
    checks.close();
    keys.close();
    writer.close();
    log.close();
  }
}
