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

  /**
   * A history that leaves something in every part of the state: shared ids, references,
   * metadata and rules, soft and hard deletes, an id above every live one that was deleted,
   * IMPORT twins (one content, two ids), contexts declared, used and deleted, configs and modes
   * of every scope, KEKs and DEKs; texts long enough to be held deflated.
   */
  public static List<RegistryRecord> richHistory() {
    List<RegistryRecord> records = new java.util.ArrayList<>(everyKind());
    for (int i = 1; i <= 40; i++) {
      records.add(longSchema("orders-" + (i % 7) + "-value", i / 7 + 1, 100 + i));
    }
    records.add(new SchemaRecord("shared-value", 1, longValue(101))); // the id of orders-1-value v1
    records.add(new SchemaRecord("doomed-value", 1, longValue(500)));
    records.add(new SchemaRecord("doomed-value", 1, null)); // id 500 gone, the highest id stays 500
    records.add(new DeleteSubjectRecord("orders-2-value", 2));
    records.add(new SchemaRecord("orders-2-value", 1, longValue(102).withDeleted(true)));
    records.add(new SchemaRecord("twin-a", 1, longValue(600)));
    records.add(new SchemaRecord("twin-b", 1, new SchemaValue(601, "AVRO", List.of(), null, null,
        longText(600), false)));
    records.add(new SchemaRecord(":.team:orders-value", 1, longValue(1)));
    records.add(new SchemaRecord(":.team:orders-value", 2, longValue(2)));
    records.add(new ContextRecord("default", ".gone", false));
    records.add(new ContextRecord("default", ".gone", true));
    records.add(new ContextRecord("default", ".declared", false));
    records.add(new ConfigRecord(":.team:", Config.ofLevel(CompatibilityLevel.FORWARD_TRANSITIVE)));
    records.add(new ConfigRecord("orders-1-value", Config.ofLevel(CompatibilityLevel.NONE)));
    records.add(new ModeRecord(null, Mode.READWRITE));
    records.add(new ModeRecord("orders-3-value", Mode.READONLY));
    records.add(new RegistryRecord.KekRecord("kek-1", new RegistryRecord.KekValue("local-kms",
        "key-1", new java.util.TreeMap<>(java.util.Map.of("a", "b")), "doc", true, false)));
    records.add(new RegistryRecord.DekRecord("kek-1", "orders-1-value", dev.stele.kms.DekFormat.values()[0], 1,
        new RegistryRecord.DekValue("d3JhcHBlZA==", false)));
    return records;
  }

  private static SchemaRecord longSchema(String subject, int version, int id) {
    return new SchemaRecord(subject, version, longValue(id));
  }

  private static SchemaValue longValue(int id) {
    return new SchemaValue(id, "AVRO", List.of(), null, null, longText(id), false);
  }

  /** An Avro record of a few fields, about 300 bytes: held deflated in memory. */
  public static String longText(int id) {
    return "{\"type\":\"record\",\"name\":\"Order" + id + "\",\"namespace\":\"com.example.orders\","
        + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"customer\",\"type\":\"string\"},"
        + "{\"name\":\"amount\",\"type\":\"double\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],"
        + "\"default\":null}]}";
  }
}
