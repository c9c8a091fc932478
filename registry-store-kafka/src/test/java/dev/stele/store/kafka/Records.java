package dev.stele.store.kafka;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ClearSubjectRecord;
import dev.stele.registry.log.RegistryRecord.ConfigRecord;
import dev.stele.registry.log.RegistryRecord.DeleteSubjectRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.Mode;
import dev.stele.schema.CompatibilityLevel;
import java.util.List;

/** Records for tests. */
final class Records {
  private Records() {}

  static SchemaRecord schema(String subject, int version, int id) {
    return new SchemaRecord(subject, version, new SchemaValue(id, "AVRO", List.of(), null, null,
        "{\"type\":\"fixed\",\"name\":\"F" + id + "\",\"size\":" + id + "}", false));
  }

  /** One of every kind, tombstones included. */
  static List<RegistryRecord> mixed() {
    return List.of(
        schema("a-value", 1, 1),
        schema("a-value", 2, 2),
        new ConfigRecord(null, Config.ofLevel(CompatibilityLevel.FULL)),
        new ConfigRecord("a-value", Config.ofLevel(CompatibilityLevel.NONE)),
        new ModeRecord("a-value", Mode.READONLY),
        new ModeRecord("a-value", null),
        new DeleteSubjectRecord("a-value", 2),
        new ClearSubjectRecord("a-value"),
        new SchemaRecord("a-value", 1, null),
        new ConfigRecord("a-value", null));
  }
}
