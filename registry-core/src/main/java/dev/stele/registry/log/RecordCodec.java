package dev.stele.registry.log;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns records into the exact key and value bytes of the Confluent {@code _schemas} topic and
 * back (../shared/API.md §3.2). Keys are written byte for byte as Confluent's Jackson writes
 * them, because log compaction only supersedes a record whose key bytes are equal; values need
 * only be readable by both. Decoding accepts the older forms Confluent writers have produced.
 */
public final class RecordCodec {

  /** Plain Jackson defaults: the same escaping Confluent's ObjectMapper produces. */
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Exact decimals so numbers inside metadata and rule sets come back as they were written. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private RecordCodec() {}

  /** The record's key: never null. */
  public static byte[] key(RegistryRecord record) {
    Objects.requireNonNull(record, "record");
    if (KeyRecordCodec.handles(record)) {
      return KeyRecordCodec.key(record);
    }
    return write(g -> writeKey(g, record));
  }

  /** The record's value, or null for a tombstone and for NOOP. */
  public static byte[] value(RegistryRecord record) {
    Objects.requireNonNull(record, "record");
    if (KeyRecordCodec.handles(record)) {
      return KeyRecordCodec.value(record);
    }
    if (record instanceof SchemaRecord r) {
      return r.value() == null ? null : write(g -> writeSchemaValue(g, r));
    } else if (record instanceof ConfigRecord r) {
      return r.value() == null ? null : write(g -> writeConfigValue(g, r.subject(), r.value()));
    } else if (record instanceof ModeRecord r) {
      return r.value() == null ? null : write(g -> {
        g.writeStartObject();
        writeScopeSubject(g, r.subject());
        g.writeStringField("mode", r.value().name());
        g.writeEndObject();
      });
    } else if (record instanceof DeleteSubjectRecord r) {
      return write(g -> {
        g.writeStartObject();
        g.writeStringField("subject", r.subject());
        g.writeNumberField("version", r.version());
        g.writeEndObject();
      });
    } else if (record instanceof ClearSubjectRecord r) {
      return write(g -> {
        g.writeStartObject();
        g.writeStringField("subject", r.subject());
        g.writeEndObject();
      });
    } else if (record instanceof ContextRecord r) {
      return r.deleted() ? null : write(g -> {
        g.writeStartObject();
        g.writeStringField("tenant", r.tenant());
        g.writeStringField("context", r.context());
        g.writeEndObject();
      });
    }
    return null; // NOOP: its value is always null
  }

  /**
   * Reads one stored record; {@code value} null is a tombstone.
   *
   * @return empty for a key type this registry does not handle (e.g. {@code ASSOC}) and for the
   *     null values of DELETE_SUBJECT and CLEAR_SUBJECT, which mean nothing: skip the record
   * @throws RecordFormatException when the key or value is not a record we can read
   */
  public static Optional<RegistryRecord> decode(byte[] key, byte[] value) {
    if (key == null) {
      throw new RecordFormatException("record has no key");
    }
    JsonNode k = parseObject(key, "key");
    if (!k.has("keytype") && k.has("type")) {
      return KeyRecordCodec.decode(k, value); // a _dek_registry_keys key (decision 0014)
    }
    String keytype = requiredText(k, "keytype", "key");
    return switch (keytype) {
      case "SCHEMA" -> Optional.of(decodeSchema(k, value));
      case "CONFIG" -> Optional.of(new ConfigRecord(scopeSubject(k, "CONFIG key"),
          value == null ? null : decodeConfig(parseObject(value, "CONFIG value"))));
      case "MODE" -> Optional.of(new ModeRecord(scopeSubject(k, "MODE key"),
          value == null ? null : decodeMode(parseObject(value, "MODE value"))));
      case "DELETE_SUBJECT" -> value == null ? Optional.empty()
          : Optional.of(new DeleteSubjectRecord(requiredText(k, "subject", "DELETE_SUBJECT key"),
              requiredInt(parseObject(value, "DELETE_SUBJECT value"), "version",
                  "DELETE_SUBJECT value")));
      case "CLEAR_SUBJECT" -> value == null ? Optional.empty()
          : Optional.of(decodeClearSubject(k, value));
      case "NOOP" -> Optional.of(new NoopRecord());
      case "CONTEXT" -> Optional.of(new ContextRecord(requiredText(k, "tenant", "CONTEXT key"),
          requiredText(k, "context", "CONTEXT key"), value == null));
      default -> Optional.empty();
    };
  }

  // ---- keys

  private static void writeKey(JsonGenerator g, RegistryRecord record) throws IOException {
    g.writeStartObject();
    int magic = 0;
    if (record instanceof SchemaRecord r) {
      g.writeStringField("keytype", "SCHEMA");
      g.writeStringField("subject", r.subject());
      g.writeNumberField("version", r.version());
      magic = 1; // SCHEMA keys have carried magic 1 since Confluent 1.x; readers take 0 too
    } else if (record instanceof ConfigRecord r) {
      g.writeStringField("keytype", "CONFIG");
      writeScopeSubject(g, r.subject());
    } else if (record instanceof ModeRecord r) {
      g.writeStringField("keytype", "MODE");
      writeScopeSubject(g, r.subject());
    } else if (record instanceof DeleteSubjectRecord r) {
      g.writeStringField("keytype", "DELETE_SUBJECT");
      g.writeStringField("subject", r.subject());
    } else if (record instanceof ClearSubjectRecord r) {
      g.writeStringField("keytype", "CLEAR_SUBJECT");
      g.writeStringField("subject", r.subject());
    } else if (record instanceof ContextRecord r) {
      g.writeStringField("keytype", "CONTEXT");
      g.writeStringField("tenant", r.tenant());
      g.writeStringField("context", r.context());
    } else {
      g.writeStringField("keytype", "NOOP");
    }
    g.writeNumberField("magic", magic);
    g.writeEndObject();
  }

  /**
   * Confluent's keys and values are {@code @JsonInclude(NON_EMPTY)}: a null or empty subject is
   * left out, which is how the global scope is written.
   */
  private static void writeScopeSubject(JsonGenerator g, String subject) throws IOException {
    if (subject != null && !subject.isEmpty()) {
      g.writeStringField("subject", subject);
    }
  }

  /** A CONFIG or MODE key's subject; absent, null (pre-2021 writers) or empty = global. */
  private static String scopeSubject(JsonNode key, String where) {
    String subject = optionalText(key, "subject", where);
    return subject == null || subject.isEmpty() ? null : subject;
  }

  // ---- values

  private static void writeSchemaValue(JsonGenerator g, SchemaRecord r) throws IOException {
    SchemaValue v = r.value();
    g.writeStartObject();
    g.writeStringField("subject", r.subject());
    g.writeNumberField("version", r.version());
    g.writeNumberField("id", v.id());
    g.writeStringField("schemaType", v.schemaType());
    if (!v.references().isEmpty()) {
      g.writeArrayFieldStart("references");
      for (SchemaReference ref : v.references()) {
        g.writeStartObject();
        g.writeStringField("name", ref.name());
        g.writeStringField("subject", ref.subject());
        g.writeNumberField("version", ref.version());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    writeRaw(g, "metadata", v.metadata());
    writeRaw(g, "ruleSet", v.ruleSet());
    g.writeStringField("schema", v.schema());
    g.writeBooleanField("deleted", v.deleted());
    g.writeEndObject();
  }

  private static void writeConfigValue(JsonGenerator g, String subject, Config c)
      throws IOException {
    g.writeStartObject();
    writeScopeSubject(g, subject);
    if (c.alias() != null) {
      g.writeStringField("alias", c.alias());
    }
    if (c.aliasForDeks() != null) {
      g.writeStringField("aliasForDeks", c.aliasForDeks());
    }
    if (c.normalize() != null) {
      g.writeBooleanField("normalize", c.normalize());
    }
    if (c.validateFields() != null) {
      g.writeBooleanField("validateFields", c.validateFields());
    }
    if (c.validateNewSchemas() != null) {
      g.writeBooleanField("validateNewSchemas", c.validateNewSchemas());
    }
    if (c.validateRules() != null) {
      g.writeBooleanField("validateRules", c.validateRules());
    }
    if (c.compatibilityLevel() != null) {
      g.writeStringField("compatibilityLevel", c.compatibilityLevel().name());
    }
    if (c.compatibilityPolicy() != null) {
      g.writeStringField("compatibilityPolicy", c.compatibilityPolicy());
    }
    if (c.compatibilityGroup() != null) {
      g.writeStringField("compatibilityGroup", c.compatibilityGroup());
    }
    writeRaw(g, "defaultMetadata", c.defaultMetadata());
    writeRaw(g, "overrideMetadata", c.overrideMetadata());
    writeRaw(g, "defaultRuleSet", c.defaultRuleSet());
    writeRaw(g, "overrideRuleSet", c.overrideRuleSet());
    g.writeEndObject();
  }

  private static void writeRaw(JsonGenerator g, String field, RawJson raw) throws IOException {
    if (raw != null) {
      g.writeFieldName(field);
      g.writeRawValue(raw.text());
    }
  }

  private static SchemaRecord decodeSchema(JsonNode k, byte[] value) {
    JsonNode magic = k.get("magic");
    if (magic != null && !(magic.isIntegralNumber() && magic.asLong() >= 0 && magic.asLong() <= 1)) {
      throw new RecordFormatException("SCHEMA key: unknown magic " + magic);
    }
    String subject = requiredText(k, "subject", "SCHEMA key");
    int version = requiredInt(k, "version", "SCHEMA key");
    if (value == null) {
      return new SchemaRecord(subject, version, null);
    }
    String where = "SCHEMA value";
    JsonNode v = parseObject(value, where);
    String schemaType = optionalText(v, "schemaType", where);
    Boolean deleted = optionalBoolean(v, "deleted", where);
    // The key names the version; the value's own subject and version repeat it.
    return new SchemaRecord(subject, version, new SchemaValue(
        requiredInt(v, "id", where),
        schemaType == null || schemaType.isEmpty() ? "AVRO" : schemaType, // ≤7.9 left AVRO out
        references(v.get("references")),
        optionalRaw(v, "metadata"),
        optionalRaw(v, "ruleSet"),
        requiredText(v, "schema", where),
        deleted != null && deleted));
  }

  private static List<SchemaReference> references(JsonNode refs) {
    if (refs == null || refs.isNull()) {
      return List.of();
    }
    if (!refs.isArray()) {
      throw new RecordFormatException("SCHEMA value: \"references\" must be an array");
    }
    String where = "SCHEMA value reference";
    List<SchemaReference> out = new ArrayList<>(refs.size());
    for (JsonNode ref : refs) {
      if (!ref.isObject()) {
        throw new RecordFormatException(where + " must be an object");
      }
      out.add(new SchemaReference(requiredText(ref, "name", where),
          requiredText(ref, "subject", where), requiredInt(ref, "version", where)));
    }
    return out;
  }

  /** The subject, if the value repeats it, is the key's: only the key decides the scope. */
  private static Config decodeConfig(JsonNode v) {
    String where = "CONFIG value";
    String levelName = optionalText(v, "compatibilityLevel", where);
    CompatibilityLevel level = null;
    if (levelName != null) {
      level = CompatibilityLevel.parse(levelName).orElseThrow(() -> new RecordFormatException(
          where + ": unknown compatibilityLevel \"" + levelName + "\""));
    }
    return new Config(optionalText(v, "alias", where), optionalText(v, "aliasForDeks", where),
        optionalBoolean(v, "normalize", where),
        optionalBoolean(v, "validateFields", where), optionalBoolean(v, "validateNewSchemas", where),
        optionalBoolean(v, "validateRules", where), level,
        optionalText(v, "compatibilityPolicy", where), optionalText(v, "compatibilityGroup", where),
        optionalRaw(v, "defaultMetadata"),
        optionalRaw(v, "overrideMetadata"), optionalRaw(v, "defaultRuleSet"),
        optionalRaw(v, "overrideRuleSet"));
  }

  private static Mode decodeMode(JsonNode v) {
    String name = requiredText(v, "mode", "MODE value");
    return Mode.parse(name).orElseThrow(
        () -> new RecordFormatException("MODE value: unknown mode \"" + name + "\""));
  }

  private static ClearSubjectRecord decodeClearSubject(JsonNode k, byte[] value) {
    parseObject(value, "CLEAR_SUBJECT value"); // nothing in it we need, but it must be JSON
    return new ClearSubjectRecord(requiredText(k, "subject", "CLEAR_SUBJECT key"));
  }

  // ---- JSON helpers

  @FunctionalInterface
  interface JsonWriter {
    void write(JsonGenerator g) throws IOException;
  }

  static byte[] write(JsonWriter writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      writer.write(g);
    } catch (JsonProcessingException e) {
      // not expected from Jackson's defaults (even lone surrogates are escaped), but say what
      throw new IllegalArgumentException("record cannot be written as JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array stream does not fail
    }
    return out.toByteArray();
  }

  static JsonNode parseObject(byte[] bytes, String where) {
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString();
      throw new RecordFormatException(where + " is not JSON: " + reason, e);
    }
    if (node == null || !node.isObject()) {
      throw new RecordFormatException(where + " is not a JSON object");
    }
    return node;
  }

  static String requiredText(JsonNode obj, String field, String where) {
    String text = optionalText(obj, field, where);
    if (text == null) {
      throw new RecordFormatException(where + ": \"" + field + "\" is missing");
    }
    return text;
  }

  static String optionalText(JsonNode obj, String field, String where) {
    JsonNode node = optional(obj, field, where, JsonNode::isTextual, "a string");
    return node == null ? null : node.textValue();
  }

  static int requiredInt(JsonNode obj, String field, String where) {
    JsonNode node = obj.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new RecordFormatException(where + ": \"" + field + "\" must be an integer");
    }
    return node.intValue();
  }

  static Boolean optionalBoolean(JsonNode obj, String field, String where) {
    JsonNode node = optional(obj, field, where, JsonNode::isBoolean, "true or false");
    return node == null ? null : node.booleanValue();
  }

  /** The field's node, null when absent or JSON null; one of another type fails as not {@code what}. */
  private static JsonNode optional(JsonNode obj, String field, String where, Predicate<JsonNode> isType,
      String what) {
    JsonNode node = obj.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!isType.test(node)) {
      throw new RecordFormatException(where + ": \"" + field + "\" must be " + what);
    }
    return node;
  }

  private static RawJson optionalRaw(JsonNode obj, String field) {
    JsonNode node = obj.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return new RawJson(MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new RecordFormatException("\"" + field + "\" cannot be rendered: " + e.getMessage(), e);
    }
  }
}
