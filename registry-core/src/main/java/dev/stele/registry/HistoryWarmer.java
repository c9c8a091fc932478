package dev.stele.registry;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.read.Scopes;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses, in the background after a start, the histories that transitive levels check against,
 * so that the first registration into such a subject after a restart does not parse its whole
 * history on the writer thread (about 0.5 s for 1,000 versions of 500 fields, during which every
 * other write waits; docs/benchmarks.md §3).
 *
 * <p>One pass, on one low-priority daemon thread, over the subjects whose effective level is
 * transitive, newest version first (what a check reaches first). It fills the parsed cache only
 * up to {@link SchemaParser#hasRoomToWarm() half its budget}, so warming never evicts what
 * running checks put there; past that it keeps only each version's digest (a few bytes a field,
 * {@link dev.stele.schema.CheckDigest}), up to half the digests' budget, which is what lets the
 * first check of a history of 1,000 large versions after a restart skip parsing them. A registry
 * of many transitive subjects warms what fits and leaves the rest to be parsed on first use.
 */
final class HistoryWarmer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryWarmer.class);

  private final RegistryState state;
  private final SchemaParser parser;
  private final NodeOptions options;
  private volatile boolean stopped;

  HistoryWarmer(RegistryState state, SchemaParser parser, NodeOptions options) {
    this.state = state;
    this.parser = parser;
    this.options = options;
  }

  /** Starts the pass on its own daemon thread; {@link #stop} ends it early. */
  static HistoryWarmer start(RegistryState state, SchemaParser parser, NodeOptions options) {
    HistoryWarmer warmer = new HistoryWarmer(state, parser, options);
    Thread thread = new Thread(warmer, "stele-history-warmer");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
    return warmer;
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    long started = System.nanoTime();
    int parsed = 0;
    try {
      parsed = warmAll();
    } catch (RuntimeException e) {
      // A schema that no longer parses fails its checks loudly later; warming just gives up.
      LOG.warn("Stopped parsing transitive histories ahead of use: {}", e.toString());
    }
    if (parsed > 0) {
      LOG.info("Prepared {} schemas of transitive subjects ahead of use in {} ms", parsed,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** @return how many stored schemas were parsed into the cache or had their digest kept */
  int warmAll() {
    int parsed = 0;
    for (Map.Entry<String, SubjectHistory> subject : state.subjects().entrySet()) {
      Config config = Scopes.effectiveConfig(state, subject.getKey(), options);
      if (!config.compatibilityLevel().transitive()) {
        continue;
      }
      List<VersionEntry> live = subject.getValue().live();
      for (int i = live.size() - 1; i >= 0; i--) {
        if (stopped || !parser.canWarm()) {
          return parsed;
        }
        if (parser.warm(live.get(i).schema(), state)) {
          parsed++;
        }
      }
    }
    return parsed;
  }
}
