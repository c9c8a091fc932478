package dev.stele.registry.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.VersionEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ../shared/conformance scenario confluent-version #2, #4-#6; reg-metadata #8. */
class SchemaLookupTest {
  private static final String STRING = "\"string\"";
  private final RegistryState state = new RegistryState();
  private long offset;

  private void version(int version, int id, String metadata, boolean deleted) {
    state.apply(new SchemaRecord("s", version, new SchemaValue(id, "AVRO", List.of(),
        metadata == null ? null : new RawJson(metadata), null, STRING, deleted)), offset++, 0L);
  }

  private VersionEntry find(String metadata, boolean includeDeleted) {
    SchemaContent content = new SchemaContent("AVRO", STRING, List.of(),
        metadata == null ? null : new RawJson(metadata), null);
    return SchemaLookup.find(state.history("s"), state.index("."), content, includeDeleted);
  }

  private static String versioned(int version) {
    return "{\"properties\":{\"confluent:version\":\"" + version + "\"}}";
  }

  @Test
  void exactContentIsFoundFirst() {
    version(1, 10, null, false);
    version(2, 20, versioned(2), false);
    assertThat(find(null, false).version()).isEqualTo(1);
    assertThat(find(versioned(2), false).version()).isEqualTo(2);
  }

  @Test
  void withoutTheVersionPropertyTheNewestVersionThatDiffersOnlyByItIsFound() {
    version(1, 10, versioned(1), false);
    version(2, 20, "{\"properties\":{\"confluent:version\":\"2\",\"owner\":\"x\"}}", false);
    assertThat(find(null, false).version()).isEqualTo(1);
    assertThat(find("{}", false).version()).isEqualTo(1);
    assertThat(find("{\"properties\":{\"owner\":\"x\"}}", false).version()).isEqualTo(2);
  }

  @Test
  void aSubmittedVersionPropertyMustMatchExactly() {
    version(1, 10, versioned(1), false);
    assertThat(find(versioned(1), false).version()).isEqualTo(1);
    assertThat(find(versioned(2), false)).isNull();
  }

  @Test
  void otherMetadataMustMatch() {
    version(1, 10, "{\"properties\":{\"owner\":\"x\"}}", false);
    assertThat(find(null, false)).isNull();
  }

  @Test
  void softDeletedVersionsCountOnlyWhenAsked() {
    version(1, 10, versioned(1), true);
    assertThat(find(null, false)).isNull();
    assertThat(find(null, true).version()).isEqualTo(1);
    assertThat(find(versioned(1), false)).isNull();
    assertThat(find(versioned(1), true).version()).isEqualTo(1);
  }
}
