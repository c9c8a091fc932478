package dev.stele.testkit;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ClearSubjectRecord;
import dev.stele.registry.log.RegistryRecord.ConfigRecord;
import dev.stele.registry.log.RegistryRecord.ContextRecord;
import dev.stele.registry.log.RegistryRecord.DeleteSubjectRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.log.RegistryRecord.NoopRecord;
import dev.stele.registry.log.RegistryRecord.SchemaRecord;
import dev.stele.registry.log.RegistryRecord.SchemaValue;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.RawJson;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.SchemaReference;
import java.util.List;

/** Sample records for the stores' tests. */
public final class Records {
  private Records() {}

  /** A version of {@code subject} with an Avro schema of its own for every id. */
  public static SchemaRecord schema(String subject, int version, int id) {
    return new SchemaRecord(subject, version, new SchemaValue(id, "AVRO", List.of(), null, null,
        "{\"type\":\"fixed\",\"name\":\"F" + id + "\",\"size\":" + id + "}", false));
  }

  /** One record of every key type, tombstones included. */
  public static List<RegistryRecord> everyKind() {
    return List.of(
        schema("a-value", 1, 1),
        new SchemaRecord("b-value", 1, new SchemaValue(2, "JSON",
            List.of(new SchemaReference("a.json", "a-value", 1)),
            new RawJson("{\"properties\":{\"owner\":\"me\"}}"), new RawJson("{\"domainRules\":[]}"),
            "{\"type\":\"object\"}", false)),
        new ConfigRecord(null, Config.ofLevel(CompatibilityLevel.FULL)),
        new ConfigRecord("a-value", Config.ofLevel(CompatibilityLevel.NONE)),
        new ModeRecord("a-value", Mode.IMPORT),
        new ModeRecord("a-value", null),
        new DeleteSubjectRecord("a-value", 1),
        new ClearSubjectRecord("a-value"),
        new SchemaRecord("a-value", 1, null),
        new ContextRecord("default", ".ctx", false),
        new NoopRecord(),
        new ConfigRecord("a-value", null));
  }
}
