package dev.stele.registry.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.format.avro.AvroFormat;
import dev.stele.registry.Nodes;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaLimits;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.Results;
import dev.stele.registry.parse.DigestCache;
import dev.stele.registry.parse.ParsedCache;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.VersionEntry;
import dev.stele.registry.write.Registration;
import dev.stele.schema.CheckDigest;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityPolicy;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormats;
import dev.stele.schema.SchemaSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A transitive check against a history whose parsed schemas are not cached (after a restart, or
 * a history bigger than the parsed cache) parses no old version that a kept digest vouches for,
 * and still finds, with Avro's own words, what the digests cannot prove.
 */
class DigestProofTest {
  private final Nodes nodes = new Nodes();
  /** Parses of the format, counted: what a check costs beyond the candidate. */
  private final AtomicInteger parses = new AtomicInteger();

  /** Version k: k-1 optional fields after the id, so every level accepts each next version. */
  private static String version(int k, String idType) {
    StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"" + idType + "\"}");
    for (int i = 1; i < k; i++) {
      fields.append(",{\"name\":\"o").append(i).append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
    }
    return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}";
  }

  private final class Counting implements SchemaFormat {
    private final AvroFormat avro = new AvroFormat();
    /** False: Avro posing as a format that proves nothing from digests (as JSON Schema). */
    private final boolean withDigests;

    Counting(boolean withDigests) {
      this.withDigests = withDigests;
    }

    @Override
    public String type() {
      return avro.type();
    }

    @Override
    public ParsedSchema parse(SchemaSource source) throws InvalidSchemaException {
      parses.incrementAndGet();
      return avro.parse(source);
    }

    @Override
    public CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles) {
      return avro.checkCanRead(reader, writer, roles);
    }

    @Override
    public CheckDigest digest(ParsedSchema schema) {
      return withDigests ? avro.digest(schema) : null;
    }

    @Override
    public boolean digests() {
      return withDigests && avro.digests();
    }

    @Override
    public boolean provenReadable(CheckDigest reader, CheckDigest writer) {
      return avro.provenReadable(reader, writer);
    }
  }

  private RegistryState history(int versions) {
    for (int k = 1; k <= versions; k++) {
      nodes.register("s", version(k, "string"));
    }
    nodes.config("s", Config.ofLevel(CompatibilityLevel.FULL_TRANSITIVE));
    RegistryState state = new RegistryState();
    nodes.log.reopen().open(state);
    return state;
  }

  /** A parser whose parsed cache keeps nothing, as after a restart with a full cache. */
  private SchemaParser parserKeepingNoParsedSchemas(DigestCache digests) {
    return parserKeepingNoParsedSchemas(digests, true);
  }

  private SchemaParser parserKeepingNoParsedSchemas(DigestCache digests, boolean withDigests) {
    return new SchemaParser(SchemaFormats.of(new Counting(withDigests)), new ParsedCache(0), digests,
        SchemaLimits.DEFAULTS);
  }

  private Results.Compatibility check(SchemaParser parser, RegistryState state, String candidate) {
    ParsedSchema parsed = parser.parseStored(new StoredSchema(-1, "AVRO", candidate, List.of(), null, null), state);
    return new CompatibilityCheck(parser).check(parsed, null, state.history("s").live(),
        new CheckTerms(CompatibilityLevel.FULL_TRANSITIVE, CompatibilityPolicy.STRICT, false), state);
  }

  @Test
  void keptDigestsSpareParsingTheHistory() {
    RegistryState state = history(20);
    DigestCache digests = new DigestCache(1L << 20);
    SchemaParser parser = parserKeepingNoParsedSchemas(digests);
    for (VersionEntry entry : state.history("s").live()) {
      assertThat(parser.warm(entry.schema(), state)).isTrue();
    }
    assertThat(digests.size()).isEqualTo(20);
    parses.set(0);

    Results.Compatibility result = check(parser, state, version(21, "string"));

    assertThat(result.isCompatible()).isTrue();
    assertThat(parses.get()).as("only the candidate is parsed").isEqualTo(1);
  }

  @Test
  void warmingPastTheParsedCachesRoomSkipsFormatsWithoutDigests() {
    RegistryState state = history(5);
    DigestCache digests = new DigestCache(1L << 20);
    SchemaParser parser = parserKeepingNoParsedSchemas(digests, false);
    parses.set(0);
    for (VersionEntry entry : state.history("s").live()) {
      assertThat(parser.warm(entry.schema(), state)).as("nothing to keep, so nothing to do").isFalse();
    }
    assertThat(parses.get()).as("no parse thrown away").isZero();
    assertThat(digests.size()).isZero();
  }

  @Test
  void withoutDigestsEveryVersionIsParsed() {
    RegistryState state = history(20);
    SchemaParser parser = parserKeepingNoParsedSchemas(new DigestCache(0));
    parses.set(0);

    assertThat(check(parser, state, version(21, "string")).isCompatible()).isTrue();
    assertThat(parses.get()).isEqualTo(21);
  }

  @Test
  void whatTheDigestsCannotProveIsCheckedByAvroWithItsMessages() {
    RegistryState state = history(5);
    SchemaParser warmed = parserKeepingNoParsedSchemas(new DigestCache(1L << 20));
    state.history("s").live().forEach(entry -> warmed.warm(entry.schema(), state));
    SchemaParser cold = parserKeepingNoParsedSchemas(new DigestCache(0));
    String changedType = version(6, "int");

    Results.Compatibility fromDigests = check(warmed, state, changedType);
    Results.Compatibility fromParses = check(cold, state, changedType);

    assertThat(fromDigests.isCompatible()).isFalse();
    assertThat(fromDigests.conflicts()).hasSize(1);
    assertThat(fromDigests.conflicts().get(0).oldVersion()).isEqualTo(5);
    assertThat(fromDigests.conflicts().get(0).incompatibilities())
        .isEqualTo(fromParses.conflicts().get(0).incompatibilities());
    assertThat(fromDigests.conflicts().get(0).incompatibilities().get(0).message())
        .contains("TYPE_MISMATCH");
  }

  @Test
  void aVersionRegisteredUnderATransitiveLevelKeepsItsDigestFromTheStart() {
    nodes.config("transitive", Config.ofLevel(CompatibilityLevel.FULL_TRANSITIVE));
    nodes.config("backward", Config.ofLevel(CompatibilityLevel.BACKWARD));
    RegistryState state = new RegistryState();
    nodes.log.reopen().open(state);
    DigestCache digests = new DigestCache(1L << 20);
    SchemaParser parser = parserKeepingNoParsedSchemas(digests);
    Registration registration = new Registration(parser, new CompatibilityCheck(parser), NodeOptions.DEFAULTS);

    registration.decide(new Requests.Register("backward", SchemaPayload.of(version(1, "string"), null), false,
        null, null), state);
    assertThat(digests.size()).as("no digest where no transitive check will want it").isZero();
    registration.decide(new Requests.Register("transitive", SchemaPayload.of(version(1, "string"), null), false,
        null, null), state);
    assertThat(digests.size()).isEqualTo(1);
  }
}
