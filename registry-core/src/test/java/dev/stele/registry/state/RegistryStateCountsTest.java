package dev.stele.registry.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.log.RegistryRecord.ClearSubjectRecord;
import dev.stele.registry.log.RegistryRecord.DeleteSubjectRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The O(1) counts behind the metrics follow every kind of record, tombstones included. */
class RegistryStateCountsTest {
  private final RegistryState state = new RegistryState();
  private long offset;

  private void schema(String subject, int version, int id, String text) {
    state.apply(new SchemaRecord(subject, version,
        new SchemaValue(id, "AVRO", List.of(), null, null, text, false)), offset++, 0);
  }

  @Test
  void countsFollowRegistrationsDeletesAndTombstones() {
    schema("a", 1, 1, "\"string\"");
    schema("b", 1, 1, "\"string\""); // the same id under a second subject
    schema("b", 2, 2, "\"int\"");
    schema("b", 2, 2, "\"int\""); // replayed: counted once
    assertThat(state.subjectCount()).isEqualTo(2);
    assertThat(state.versionCount()).isEqualTo(3);
    assertThat(state.schemaCount()).isEqualTo(2);
    assertThat(state.subjectCount()).isEqualTo(state.subjects().size());

    state.apply(new DeleteSubjectRecord("b", 2), offset++, 0); // soft: still counted
    assertThat(state.versionCount()).isEqualTo(3);
    state.apply(new ClearSubjectRecord("b"), offset++, 0);
    assertThat(state.subjectCount()).isEqualTo(1);
    assertThat(state.versionCount()).isEqualTo(1);
    // b's version 2 was the last use of id 2: the id is gone (a read by id answers 404), and
    // stele_schemas says so. Id 1 lives on under a.
    assertThat(state.schemaCount()).isEqualTo(1);

    state.apply(new SchemaRecord("a", 1, null), offset++, 0); // tombstone
    assertThat(state.subjectCount()).isZero();
    assertThat(state.versionCount()).isZero();
    assertThat(state.schemaCount()).isZero();
    assertThat(state.lastOffset()).isEqualTo(offset - 1);
    assertThat(state.copy().schemaCount()).isZero();
  }
}
