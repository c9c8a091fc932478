package dev.stele.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.registry.log.SchemaGuids;
import dev.stele.registry.model.Association;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.SubjectVersion;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.SchemaReference;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON response shapes of the Confluent registry 7.9 (../shared/API.md §1.4), written with
 * the streaming API in its field order, plus what 8.x added that clients use: every answer that
 * carries a schema has its {@code guid}, and {@code findTags} adds {@code schemaTags}. Empty
 * parts are left out as its {@code NON_EMPTY} inclusion does; {@code schemaType} is left out for
 * AVRO, as 7.9 did.
 */
final class Render {
  private static final String AVRO = "AVRO";

  private Render() {}

  /**
   * A subject version: {@code subject, version, id, guid, schemaType, references, metadata, ruleSet,
   * schema, ts, deleted}.
   */
  static Buffer schema(SchemaVersion version, String text) {
    return schema(version, text, Map.of());
  }

  /** With {@code schemaTags}: the tagged entities {@code findTags} asked for (none: left out). */
  static Buffer schema(SchemaVersion version, String text, Map<SchemaEntity, Set<String>> tags) {
    return schema(version, text, tags, false);
  }

  /** With {@code referenceFormat=qualified}: {@link #references}. */
  static Buffer schema(SchemaVersion version, String text, Map<SchemaEntity, Set<String>> tags,
      boolean qualifiedReferences) {
    return Json.render(out -> writeSchema(out, version, text, List.of(), List.of(), tags,
        references(version.schema(), version.subject(), qualifiedReferences)));
  }

  /**
   * A schema's references as stored, or with {@code referenceFormat=qualified} each subject
   * qualified with the context of {@code subject} (the one the schema was read under), as
   * Confluent 8.x answers: only when that is not the default context, where names need none.
   */
  static List<SchemaReference> references(StoredSchema schema, String subject, boolean qualified) {
    String context = subject == null ? null : QualifiedSubject.contextOf(subject);
    if (!qualified || context == null || context.equals(QualifiedSubject.DEFAULT_CONTEXT)) {
      return schema.references();
    }
    return schema.references().stream().map(ref -> new SchemaReference(ref.name(),
        QualifiedSubject.qualifyWithParent(ref.subject(), context), ref.version())).toList();
  }

  /**
   * {@code GET /schemas}: subject versions, each with {@code aliases} (the subjects that are
   * aliases of its subject) when it has any in {@code aliases}.
   */
  /**
   * {@code GET /schemas}: Confluent's {@code ExtendedSchema}s, with the subject's aliases and the
   * associations the listing's filter matched, each only when there are some.
   */
  static Buffer schemas(List<Results.ListedSchema> listed, Map<String, List<String>> aliases) {
    return Json.render(out -> {
      out.writeStartArray();
      for (Results.ListedSchema entry : listed) {
        SchemaVersion version = entry.version();
        List<String> itsAliases = aliases.getOrDefault(version.subject(), List.of());
        writeSchema(out, version, version.schema().schema(), itsAliases, entry.associations(),
            Map.of(), version.schema().references());
      }
      out.writeEndArray();
    });
  }

  /** {@code GET /schemas/ids/{id}}: the schema content without subject or version (7.9). */
  static Buffer schemaText(Results.SchemaText found) {
    return schemaText(found, null);
  }

  /**
   * @param qualifyIn with {@code referenceFormat=qualified}, the {@code subject} parameter, whose
   *     context the references are qualified with; null answers them as stored
   */
  static Buffer schemaText(Results.SchemaText found, String qualifyIn) {
    return Json.render(out -> {
      StoredSchema schema = found.schema();
      SchemaVersion usage = found.usage();
      out.writeStartObject();
      if (found.named() && usage != null) {
        out.writeStringField("subject", usage.subject());
        out.writeNumberField("version", usage.version());
      }
      writeGuid(out, schema);
      writeType(out, schema.schemaType());
      out.writeStringField("schema", found.text());
      writeReferences(out, references(schema, qualifyIn, qualifyIn != null));
      writeRaw(out, "metadata", schema.metadata());
      writeRaw(out, "ruleSet", schema.ruleSet());
      writeTags(out, found.tags());
      if (found.maxId() != null) {
        out.writeNumberField("maxId", found.maxId());
      }
      if (usage != null) {
        writeWhenAndDeleted(out, usage);
      }
      out.writeEndObject();
    });
  }

  /**
   * A registration: only the id, unless the registry says the Confluent registry would answer
   * with the whole version (a version or metadata was involved).
   */
  static Buffer registered(Results.Registered result) {
    return registered(result, null);
  }

  /** @param text the schema in the {@code format} asked for, or null for the stored text */
  static Buffer registered(Results.Registered result, String text) {
    return Json.render(out -> {
      out.writeStartObject();
      out.writeNumberField("id", result.id());
      if (result.detailed() && result.schemaVersion() != null) {
        StoredSchema schema = result.schemaVersion().schema();
        out.writeNumberField("version", result.version());
        writeVersionContent(out, schema, text != null ? text : schema.schema(), schema.references());
      } else if (result.schemaVersion() != null) {
        writeGuid(out, result.schemaVersion().schema());
      }
      out.writeEndObject();
    });
  }

  /** {@code {"is_compatible": b}}, with the messages when verbose (an empty list included). */
  static Buffer compatibility(Results.Compatibility result, boolean verbose) {
    return compatibility(result.isCompatible(), verbose ? CompatibilityMessages.render(result) : null);
  }

  static Buffer compatibility(boolean compatible, List<String> messages) {
    return Json.render(out -> {
      out.writeStartObject();
      out.writeBooleanField("is_compatible", compatible);
      if (messages != null) {
        writeStrings(out, "messages", messages);
      }
      out.writeEndObject();
    });
  }

  /** A scope's config under the response key names ({@code compatibilityLevel}). */
  static Buffer config(Config config) {
    return Json.render(out -> {
      out.writeStartObject();
      writeString(out, "alias", config.alias());
      writeString(out, "aliasForDeks", config.aliasForDeks());
      if (config.normalize() != null) {
        out.writeBooleanField("normalize", config.normalize());
      }
      if (config.validateFields() != null) {
        out.writeBooleanField("validateFields", config.validateFields());
      }
      if (config.validateNewSchemas() != null) {
        out.writeBooleanField("validateNewSchemas", config.validateNewSchemas());
      }
      if (config.validateRules() != null) {
        out.writeBooleanField("validateRules", config.validateRules());
      }
      if (config.compatibilityLevel() != null) {
        out.writeStringField("compatibilityLevel", config.compatibilityLevel().name());
      }
      writeString(out, "compatibilityPolicy", config.compatibilityPolicy());
      writeString(out, "compatibilityGroup", config.compatibilityGroup());
      writeRaw(out, "defaultMetadata", config.defaultMetadata());
      writeRaw(out, "overrideMetadata", config.overrideMetadata());
      writeRaw(out, "defaultRuleSet", config.defaultRuleSet());
      writeRaw(out, "overrideRuleSet", config.overrideRuleSet());
      out.writeEndObject();
    });
  }

  /** Echo of a request record (config or mode update), as the registry answers a PUT. */
  static Buffer echo(Object request) {
    return Json.render(out -> Json.MAPPER.writeValue(out, request));
  }

  static Buffer mode(String mode) {
    return Json.render(out -> {
      out.writeStartObject();
      out.writeStringField("mode", mode);
      out.writeEndObject();
    });
  }

  static Buffer strings(List<String> values) {
    return array(values, JsonGenerator::writeString);
  }

  static Buffer integers(List<Integer> values) {
    return array(values, (out, value) -> out.writeNumber(value));
  }

  /** How {@link #array} writes one element. */
  private interface ElementWriter<T> {
    void write(JsonGenerator out, T value) throws IOException;
  }

  private static <T> Buffer array(List<T> values, ElementWriter<T> element) {
    return Json.render(out -> {
      out.writeStartArray();
      for (T value : values) {
        element.write(out, value);
      }
      out.writeEndArray();
    });
  }

  static Buffer integer(int value) {
    return Buffer.buffer(Integer.toString(value));
  }

  static Buffer subjectVersions(List<SubjectVersion> values) {
    return Json.render(out -> {
      out.writeStartArray();
      for (SubjectVersion value : values) {
        out.writeStartObject();
        out.writeStringField("subject", value.subject());
        out.writeNumberField("version", value.version());
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }

  /** The error body; an empty message is left out, as NON_EMPTY does. */
  static Buffer error(int code, String message) {
    return Json.render(out -> {
      out.writeStartObject();
      out.writeNumberField("error_code", code);
      writeString(out, "message", message);
      out.writeEndObject();
    });
  }

  static Buffer emptyObject() {
    return Buffer.buffer("{}");
  }

  /** {@code GET /schemas/guids/{guid}/ids}: {@code [{"context":".","id":1}]}. */
  static Buffer contextIds(List<Results.ContextId> ids) {
    return Json.render(out -> {
      out.writeStartArray();
      for (Results.ContextId id : ids) {
        out.writeStartObject();
        out.writeStringField("context", id.context());
        out.writeNumberField("id", id.id());
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }

  /** A version as a field's value, with its stored text (an association's schema). */
  static void writeSchema(JsonGenerator out, SchemaVersion version) throws IOException {
    writeSchema(out, version, version.schema().schema(), List.of(), List.of(), Map.of(),
        version.schema().references());
  }

  private static void writeSchema(JsonGenerator out, SchemaVersion version, String text,
      List<String> aliases, List<Association> associations, Map<SchemaEntity, Set<String>> tags,
      List<SchemaReference> references) throws IOException {
    StoredSchema schema = version.schema();
    out.writeStartObject();
    out.writeStringField("subject", version.subject());
    out.writeNumberField("version", version.version());
    out.writeNumberField("id", schema.id());
    writeVersionContent(out, schema, text, references);
    writeTags(out, tags);
    writeWhenAndDeleted(out, version);
    if (!aliases.isEmpty()) {
      writeStrings(out, "aliases", aliases);
    }
    if (!associations.isEmpty()) {
      out.writeArrayFieldStart("associations");
      for (Association a : associations) {
        AssociationRender.writeAssociation(out, a);
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  /** Confluent 8.x: when the version was written (its record's time) and whether it is deleted. */
  private static void writeWhenAndDeleted(JsonGenerator out, SchemaVersion version) throws IOException {
    if (version.timestamp() > 0) {
      out.writeNumberField("ts", version.timestamp());
    }
    out.writeBooleanField("deleted", version.deleted());
  }

  /** A version's content after its coordinates, in the Confluent registry's field order. */
  private static void writeVersionContent(JsonGenerator out, StoredSchema schema, String text,
      List<SchemaReference> references) throws IOException {
    writeGuid(out, schema);
    writeType(out, schema.schemaType());
    writeReferences(out, references);
    writeRaw(out, "metadata", schema.metadata());
    writeRaw(out, "ruleSet", schema.ruleSet());
    out.writeStringField("schema", text);
  }

  /**
   * The schema's GUID (Confluent 8.x answers carry it; 7.9's did not). Derived from the content
   * on each rendering: an MD5 over text the answer writes anyway.
   */
  private static void writeGuid(JsonGenerator out, StoredSchema schema) throws IOException {
    out.writeStringField("guid", SchemaGuids.of(schema.content()).toString());
  }

  /** {@code schemaTags: [{"schemaEntity":{"entityPath":..,"entityType":"sr_field"},"tags":[..]}]}. */
  private static void writeTags(JsonGenerator out, Map<SchemaEntity, Set<String>> tags) throws IOException {
    if (tags.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart("schemaTags");
    for (Map.Entry<SchemaEntity, Set<String>> entry : tags.entrySet()) {
      out.writeStartObject();
      out.writeObjectFieldStart("schemaEntity");
      out.writeStringField("entityPath", entry.getKey().path());
      out.writeStringField("entityType", entry.getKey().type().name().toLowerCase(Locale.ROOT));
      out.writeEndObject();
      out.writeArrayFieldStart("tags");
      for (String tag : entry.getValue()) {
        out.writeString(tag);
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  private static void writeType(JsonGenerator out, String type) throws IOException {
    if (type != null && !type.equals(AVRO)) {
      out.writeStringField("schemaType", type);
    }
  }

  private static void writeReferences(JsonGenerator out, List<SchemaReference> references)
      throws IOException {
    if (references.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart("references");
    for (SchemaReference ref : references) {
      out.writeStartObject();
      out.writeStringField("name", ref.name());
      out.writeStringField("subject", ref.subject());
      out.writeNumberField("version", ref.version());
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  /** Stored JSON (metadata, rule sets) goes out verbatim: it is canonical already. */
  private static void writeRaw(JsonGenerator out, String field, RawJson value) throws IOException {
    if (value != null) {
      out.writeFieldName(field);
      out.writeRawValue(value.text());
    }
  }

  private static void writeString(JsonGenerator out, String field, String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      out.writeStringField(field, value);
    }
  }

  private static void writeStrings(JsonGenerator out, String field, List<String> values)
      throws IOException {
    out.writeArrayFieldStart(field);
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }
}

