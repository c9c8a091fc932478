package dev.stele.registry.log;

import static dev.stele.registry.log.RecordCodec.optionalBoolean;
import static dev.stele.registry.log.RecordCodec.optionalText;
import static dev.stele.registry.log.RecordCodec.parseObject;
import static dev.stele.registry.log.RecordCodec.requiredText;
import static dev.stele.registry.log.RecordCodec.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.registry.log.RegistryRecord.AssocRecord;
import dev.stele.registry.log.RegistryRecord.AssocValue;
import dev.stele.registry.model.Association;
import java.util.Locale;

/**
 * Confluent 8.x's {@code ASSOC} records of the {@code _schemas} topic (../shared/API.md §3.2): the
 * key in the order of Confluent's {@code AssociationKey} ({@code keytype, tenant, resourceName,
 * resourceNamespace, resourceType, associationType, subject, magic}), byte for byte since
 * compaction compares keys; the value with the association's fields, read by name.
 */
final class AssocRecordCodec {
  private static final String TENANT = "default";

  private AssocRecordCodec() {}

  static byte[] key(AssocRecord record) {
    Association.Key k = record.key();
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("keytype", "ASSOC");
      g.writeStringField("tenant", TENANT);
      g.writeStringField("resourceName", k.resourceName());
      g.writeStringField("resourceNamespace", k.resourceNamespace());
      g.writeStringField("resourceType", k.resourceType());
      g.writeStringField("associationType", k.associationType());
      g.writeStringField("subject", k.subject());
      g.writeNumberField("magic", 0);
      g.writeEndObject();
    });
  }

  /** The value, or null for a tombstone (the association is deleted). */
  static byte[] value(AssocRecord record) {
    AssocValue v = record.value();
    if (v == null) {
      return null;
    }
    Association.Key k = record.key();
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("tenant", TENANT);
      g.writeStringField("subject", k.subject());
      g.writeStringField("guid", v.guid());
      g.writeStringField("resourceName", k.resourceName());
      g.writeStringField("resourceNamespace", k.resourceNamespace());
      g.writeStringField("resourceId", v.resourceId());
      g.writeStringField("resourceType", k.resourceType());
      g.writeStringField("associationType", k.associationType());
      g.writeStringField("lifecycle", v.lifecycle().name());
      g.writeBooleanField("frozen", v.frozen());
      g.writeNumberField("createTs", v.createTs());
      g.writeEndObject();
    });
  }

  static AssocRecord decode(JsonNode key, byte[] value) {
    String where = "ASSOC key";
    Association.Key k = new Association.Key(requiredText(key, "resourceName", where),
        requiredText(key, "resourceNamespace", where), requiredText(key, "resourceType", where),
        requiredText(key, "associationType", where), requiredText(key, "subject", where));
    if (value == null) {
      return new AssocRecord(k, null);
    }
    where = "ASSOC value";
    JsonNode v = parseObject(value, where);
    String lifecycle = requiredText(v, "lifecycle", where);
    Association.Lifecycle parsed;
    try {
      parsed = Association.Lifecycle.valueOf(lifecycle.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RecordFormatException(where + ": unknown lifecycle \"" + lifecycle + "\"");
    }
    Boolean frozen = optionalBoolean(v, "frozen", where);
    JsonNode created = v.get("createTs");
    // Confluent leaves createTs out until its store fills it: then the record's time stands in.
    long createTs = created != null && created.isIntegralNumber() ? created.longValue() : 0L;
    String resourceId = optionalText(v, "resourceId", where);
    return new AssocRecord(k, new AssocValue(requiredText(v, "guid", where),
        resourceId == null ? "" : resourceId, parsed, frozen != null && frozen, createTs));
  }
}
