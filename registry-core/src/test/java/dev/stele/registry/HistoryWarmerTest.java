package dev.stele.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.SchemaLimits;
import dev.stele.registry.parse.DigestCache;
import dev.stele.registry.parse.ParsedCache;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.SchemaFormats;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryWarmerTest {
  private final Nodes nodes = new Nodes();

  /** Version k of a record named {@code name}: k optional fields, so every level accepts it. */
  private static String version(String name, int k) {
    StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"string\"}");
    for (int i = 1; i < k; i++) {
      fields.append(",{\"name\":\"o").append(i).append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
    }
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + fields + "]}";
  }

  private void fill(String subject, String name, int versions) {
    for (int k = 1; k <= versions; k++) {
      nodes.register(subject, version(name, k));
    }
  }

  /** The state a restarted node would build from the same log. */
  private RegistryState replayed() {
    RegistryState state = new RegistryState();
    nodes.log.reopen().open(state);
    return state;
  }

  @Test
  void parsesTheLiveVersionsOfTransitiveSubjectsOnly() {
    fill("full-transitive", "A", 3);
    fill("backward", "B", 2);
    nodes.config("full-transitive", Config.ofLevel(CompatibilityLevel.FULL_TRANSITIVE));
    RegistryState state = replayed();
    ParsedCache cache = new ParsedCache(1L << 30);
    SchemaParser parser = new SchemaParser(SchemaFormats.load(), cache);

    int parsed = new HistoryWarmer(state, parser, NodeOptions.DEFAULTS).warmAll();

    assertThat(parsed).isEqualTo(3);
    assertThat(cache.size()).isEqualTo(3);
    for (VersionEntry entry : state.history("full-transitive").live()) {
      assertThat(cache.get(entry.schema())).as("version %d", entry.version()).isNotNull();
    }
    for (VersionEntry entry : state.history("backward").live()) {
      assertThat(cache.get(entry.schema())).isNull();
    }
    assertThat(new HistoryWarmer(state, parser, NodeOptions.DEFAULTS).warmAll())
        .as("a second pass finds everything cached").isZero();
  }

  @Test
  void aTransitiveGlobalLevelWarmsEverySubject() {
    fill("one", "A", 2);
    fill("two", "B", 2);
    nodes.config(null, Config.ofLevel(CompatibilityLevel.BACKWARD_TRANSITIVE));
    ParsedCache cache = new ParsedCache(1L << 30);

    int parsed = new HistoryWarmer(replayed(), new SchemaParser(SchemaFormats.load(), cache),
        NodeOptions.DEFAULTS).warmAll();

    assertThat(parsed).isEqualTo(4);
  }

  @Test
  void stopsAtHalfTheCacheBudgetNewestVersionFirst() {
    fill("s", "A", 4);
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FORWARD_TRANSITIVE));
    RegistryState state = replayed();
    List<VersionEntry> live = state.history("s").live();
    VersionEntry newest = live.get(live.size() - 1);
    // Room for the newest version only: once it is in, the cache holds half its budget.
    ParsedCache cache = new ParsedCache(2 * ParsedCache.weight(newest.schema()));

    // No room for digests either.
    SchemaParser parser = new SchemaParser(SchemaFormats.load(), cache, new DigestCache(0), SchemaLimits.DEFAULTS);

    int parsed = new HistoryWarmer(state, parser, NodeOptions.DEFAULTS).warmAll();

    assertThat(parsed).isEqualTo(1);
    assertThat(cache.get(newest.schema())).isNotNull();
    assertThat(cache.get(live.get(0).schema())).isNull();
    assertThat(parser.knownDigest(live.get(0).schema())).isNull();
  }

  @Test
  void pastTheParsedBudgetKeepsOnlyTheDigestsOfTheRest() {
    fill("s", "A", 4);
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FULL_TRANSITIVE));
    RegistryState state = replayed();
    List<VersionEntry> live = state.history("s").live();
    VersionEntry newest = live.get(live.size() - 1);
    ParsedCache cache = new ParsedCache(2 * ParsedCache.weight(newest.schema()));
    SchemaParser parser = new SchemaParser(SchemaFormats.load(), cache, new DigestCache(1L << 20), SchemaLimits.DEFAULTS);

    int prepared = new HistoryWarmer(state, parser, NodeOptions.DEFAULTS).warmAll();

    assertThat(prepared).isEqualTo(4);
    assertThat(cache.size()).as("parsed schemas kept").isEqualTo(1);
    for (VersionEntry entry : live) {
      assertThat(parser.knownDigest(entry.schema())).as("version %d", entry.version()).isNotNull();
    }
  }

  @Test
  void aStoppedWarmerParsesNothingMore() {
    fill("s", "A", 3);
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FULL_TRANSITIVE));
    ParsedCache cache = new ParsedCache(1L << 30);
    HistoryWarmer warmer = new HistoryWarmer(replayed(), new SchemaParser(SchemaFormats.load(), cache),
        NodeOptions.DEFAULTS);

    warmer.stop();

    assertThat(warmer.warmAll()).isZero();
    assertThat(cache.size()).isZero();
  }
}
