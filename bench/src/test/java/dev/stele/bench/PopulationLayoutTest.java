package dev.stele.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stele.registry.log.RecordCodec;
import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.state.RegistryState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry both populators write: what a server reading their records would hold. */
class PopulationLayoutTest {

  private static PopulationLayout layout(int schemas, int subjects, int longSubjects,
      int versions) {
    return PopulationLayout.of(new Args(new String[] {"--schemas", "" + schemas, "--subjects",
        "" + subjects, "--long", "" + longSubjects, "--versions", "" + versions, "--bytes", "400"}));
  }

  /** Every record through the codec the Kafka store writes and reads with, in batches. */
  private static List<SchemaRecord> written(PopulationLayout layout, int batch) {
    List<SchemaRecord> out = new ArrayList<>();
    for (int from = 0; from < layout.schemas; from += batch) {
      for (RegistryRecord r : layout.records(from, Math.min(layout.schemas, from + batch))) {
        out.add((SchemaRecord) RecordCodec.decode(RecordCodec.key(r), RecordCodec.value(r))
            .orElseThrow());
      }
    }
    return out;
  }

  @Test
  void idsFromOneVersionsFromOnePerSubjectAndTheSubjectsItCounts() {
    PopulationLayout layout = layout(1_000, 300, 100, 5); // 500 in long subjects, 500 in 200
    List<SchemaRecord> records = written(layout, 64);
    Map<String, Integer> lastVersion = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      SchemaRecord r = records.get(i);
      assertEquals(i + 1, r.value().id());
      int expected = lastVersion.getOrDefault(r.subject(), 0) + 1;
      assertEquals(expected, r.version(), r.subject());
      lastVersion.put(r.subject(), r.version());
      assertEquals(layout.text(i), r.value().schema());
    }
    assertEquals(layout.subjectsUsed(), lastVersion.size());
    assertEquals(300, lastVersion.size());
    assertEquals(5, lastVersion.get("topic-0-value"));
    assertEquals(3, lastVersion.get("topic-100-value")); // 500 over 200: the first 100 get three
    assertEquals(2, lastVersion.get("topic-299-value"));
  }

  @Test
  void aServerStateAppliesEveryRecord() {
    PopulationLayout layout = layout(700, 300, 100, 5);
    RegistryState state = new RegistryState();
    long offset = 0;
    for (SchemaRecord r : written(layout, 100)) {
      state.apply(r, offset++, 0L);
    }
    assertEquals(700, state.schemaCount());
    assertEquals(700, state.versionCount());
    assertEquals(layout.subjectsUsed(), state.subjectCount());
    assertEquals(300, state.subjectCount());
  }

  @Test
  void fewerSchemasThanTheLongSubjectsHoldUseOnlyThose() {
    PopulationLayout layout = layout(250, 300, 100, 5);
    assertEquals(100, layout.subjectsUsed());
    assertEquals(100, written(layout, 250).stream().map(SchemaRecord::subject).distinct().count());
    assertTrue(layout.averageTextChars(250) > 300);
  }

  @Test
  void refusesALayoutWithNoSubjectsLeftForTheRest() {
    assertThrows(IllegalArgumentException.class, () -> layout(1_000, 100, 100, 5));
  }
}
