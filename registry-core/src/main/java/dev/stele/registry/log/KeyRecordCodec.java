package dev.stele.registry.log;

import static dev.stele.registry.log.RecordCodec.optionalBoolean;
import static dev.stele.registry.log.RecordCodec.optionalText;
import static dev.stele.registry.log.RecordCodec.parseObject;
import static dev.stele.registry.log.RecordCodec.requiredInt;
import static dev.stele.registry.log.RecordCodec.requiredText;
import static dev.stele.registry.log.RecordCodec.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.kms.DekFormat;
import dev.stele.registry.log.RegistryRecord.DekRecord;
import dev.stele.registry.log.RegistryRecord.DekValue;
import dev.stele.registry.log.RegistryRecord.KekRecord;
import dev.stele.registry.log.RegistryRecord.KekValue;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The DEK registry's records as Confluent writes them to its {@code _dek_registry_keys} topic:
 * a key {@code {"tenant":..,"name":..,"type":"KEK"}} or
 * {@code {"tenant":..,"kekName":..,"subject":..,"algorithm":..,"version":..,"type":"DEK"}}
 * (Jackson's order for Confluent's key classes: the creator's properties, then {@code type}),
 * and a value with the same fields as Confluent's stored key classes. Keys are byte for byte,
 * since compaction compares them; values are read by field name, unknown fields ignored
 * (Confluent may add {@code ts} or {@code offset}).
 */
final class KeyRecordCodec {
  /** Confluent's tenant outside its multi-tenant cloud; the only one Stele writes or reads. */
  static final String TENANT = "default";

  private KeyRecordCodec() {}

  static boolean handles(RegistryRecord record) {
    return record instanceof KekRecord || record instanceof DekRecord;
  }

  static byte[] key(RegistryRecord record) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("tenant", TENANT);
      if (record instanceof KekRecord r) {
        g.writeStringField("name", r.name());
        g.writeStringField("type", "KEK");
      } else if (record instanceof DekRecord r) {
        g.writeStringField("kekName", r.kekName());
        g.writeStringField("subject", r.subject());
        g.writeStringField("algorithm", r.algorithm().name());
        g.writeNumberField("version", r.version());
        g.writeStringField("type", "DEK");
      }
      g.writeEndObject();
    });
  }

  /** The value, or null for a tombstone (a permanent deletion). */
  static byte[] value(RegistryRecord record) {
    if (record instanceof KekRecord r) {
      return r.value() == null ? null : write(g -> writeKek(g, r.name(), r.value()));
    }
    DekRecord r = (DekRecord) record;
    return r.value() == null ? null : write(g -> writeDek(g, r));
  }

  private static void writeKek(JsonGenerator g, String name, KekValue v) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("kmsType", v.kmsType());
    g.writeStringField("kmsKeyId", v.kmsKeyId());
    g.writeObjectFieldStart("kmsProps");
    for (Map.Entry<String, String> e : v.kmsProps().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    if (v.doc() != null) {
      g.writeStringField("doc", v.doc());
    }
    g.writeBooleanField("shared", v.shared());
    g.writeBooleanField("deleted", v.deleted());
    g.writeStringField("type", "KEK");
    g.writeEndObject();
  }

  private static void writeDek(JsonGenerator g, DekRecord r) throws IOException {
    g.writeStartObject();
    g.writeStringField("kekName", r.kekName());
    g.writeStringField("subject", r.subject());
    g.writeStringField("algorithm", r.algorithm().name());
    g.writeNumberField("version", r.version());
    if (r.value().encryptedKeyMaterial() != null) {
      g.writeStringField("encryptedKeyMaterial", r.value().encryptedKeyMaterial());
    }
    g.writeBooleanField("deleted", r.value().deleted());
    g.writeStringField("type", "DEK");
    g.writeEndObject();
  }

  /**
   * Reads a {@code _dek_registry_keys} record. Another tenant's keys (Confluent Cloud's) are
   * skipped: this registry has no tenants.
   */
  static Optional<RegistryRecord> decode(JsonNode k, byte[] value) {
    String type = requiredText(k, "type", "key");
    String tenant = optionalText(k, "tenant", type + " key");
    if (tenant != null && !tenant.equals(TENANT)) {
      return Optional.empty();
    }
    return switch (type) {
      case "KEK" -> Optional.of(decodeKek(k, value));
      case "DEK" -> Optional.of(decodeDek(k, value));
      default -> Optional.empty();
    };
  }

  private static KekRecord decodeKek(JsonNode k, byte[] value) {
    String name = requiredText(k, "name", "KEK key");
    if (value == null) {
      return new KekRecord(name, null);
    }
    JsonNode v = parseObject(value, "KEK value");
    SortedMap<String, String> props = new TreeMap<>();
    JsonNode propsNode = v.get("kmsProps");
    if (propsNode != null && !propsNode.isNull()) {
      if (!propsNode.isObject()) {
        throw new RecordFormatException("KEK value: \"kmsProps\" must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = propsNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        props.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
      }
    }
    return new KekRecord(name, new KekValue(
        requiredText(v, "kmsType", "KEK value"), requiredText(v, "kmsKeyId", "KEK value"), props,
        optionalText(v, "doc", "KEK value"), flag(v, "shared", "KEK value"),
        flag(v, "deleted", "KEK value")));
  }

  private static DekRecord decodeDek(JsonNode k, byte[] value) {
    String algorithmName = requiredText(k, "algorithm", "DEK key");
    DekFormat algorithm = DekFormat.named(algorithmName);
    if (algorithm == null) {
      throw new RecordFormatException("DEK key: unknown algorithm \"" + algorithmName + "\"");
    }
    DekValue v = null;
    if (value != null) {
      JsonNode node = parseObject(value, "DEK value");
      v = new DekValue(optionalText(node, "encryptedKeyMaterial", "DEK value"),
          flag(node, "deleted", "DEK value"));
    }
    return new DekRecord(requiredText(k, "kekName", "DEK key"), requiredText(k, "subject", "DEK key"),
        algorithm, requiredInt(k, "version", "DEK key"), v);
  }

  private static boolean flag(JsonNode node, String field, String where) {
    Boolean value = optionalBoolean(node, field, where);
    return value != null && value;
  }
}
