package dev.stele.registry.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordCodecTest {

  private static final String AVRO = "{\"type\":\"string\"}";
  private static final SchemaValue PLAIN =
      new SchemaValue(7, "AVRO", List.of(), null, null, AVRO, false);
  private static final Config FULL_CONFIG = new Config("other", true, false,
      CompatibilityLevel.FULL_TRANSITIVE, "app.version", new RawJson("{\"properties\":{\"a\":\"1\"}}"),
      new RawJson("{\"tags\":{}}"), new RawJson("{\"domainRules\":[]}"),
      new RawJson("{\"migrationRules\":[{\"name\":\"r\"}]}"));

  static Stream<Arguments> goldenKeys() {
    return Stream.of(
        Arguments.of(new SchemaRecord("t-value", 1, PLAIN),
            "{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}"),
        Arguments.of(new SchemaRecord("t-value", 12, null),
            "{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":12,\"magic\":1}"),
        Arguments.of(new ConfigRecord("t-value", Config.ofLevel(CompatibilityLevel.FULL)),
            "{\"keytype\":\"CONFIG\",\"subject\":\"t-value\",\"magic\":0}"),
        Arguments.of(new ConfigRecord(null, null), "{\"keytype\":\"CONFIG\",\"magic\":0}"),
        Arguments.of(new ConfigRecord(":.ctx:", Config.EMPTY),
            "{\"keytype\":\"CONFIG\",\"subject\":\":.ctx:\",\"magic\":0}"),
        Arguments.of(new ModeRecord("s", Mode.IMPORT),
            "{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0}"),
        Arguments.of(new ModeRecord(null, Mode.READONLY), "{\"keytype\":\"MODE\",\"magic\":0}"),
        Arguments.of(new DeleteSubjectRecord("s", 3),
            "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}"),
        Arguments.of(new ClearSubjectRecord("s"),
            "{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"s\",\"magic\":0}"),
        Arguments.of(new NoopRecord(), "{\"keytype\":\"NOOP\",\"magic\":0}"),
        Arguments.of(new ContextRecord("default", ".ctx", false),
            "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".ctx\",\"magic\":0}"),
        Arguments.of(new ContextRecord("default", ".ctx", true),
            "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".ctx\",\"magic\":0}"));
  }

  @ParameterizedTest
  @MethodSource("goldenKeys")
  void keysAreByteIdenticalToConfluents(RegistryRecord record, String expected) {
    assertThat(RecordCodec.key(record)).isEqualTo(expected.getBytes(UTF_8));
  }

  static Stream<Arguments> goldenValues() {
    SchemaValue rich = new SchemaValue(3, "PROTOBUF",
        List.of(new SchemaReference("a.proto", "a", 1), new SchemaReference("b.proto", "b", 2)),
        new RawJson("{\"properties\":{\"owner\":\"x\"}}"), new RawJson("{\"domainRules\":[]}"),
        "syntax = \"proto3\";\n", true);
    return Stream.of(
        Arguments.of(new SchemaRecord("t-value", 1, PLAIN),
            "{\"subject\":\"t-value\",\"version\":1,\"id\":7,\"schemaType\":\"AVRO\","
                + "\"schema\":\"{\\\"type\\\":\\\"string\\\"}\",\"deleted\":false}"),
        Arguments.of(new SchemaRecord("p", 2, rich),
            "{\"subject\":\"p\",\"version\":2,\"id\":3,\"schemaType\":\"PROTOBUF\","
                + "\"references\":[{\"name\":\"a.proto\",\"subject\":\"a\",\"version\":1},"
                + "{\"name\":\"b.proto\",\"subject\":\"b\",\"version\":2}],"
                + "\"metadata\":{\"properties\":{\"owner\":\"x\"}},\"ruleSet\":{\"domainRules\":[]},"
                + "\"schema\":\"syntax = \\\"proto3\\\";\\n\",\"deleted\":true}"),
        Arguments.of(new ConfigRecord("t-value", Config.ofLevel(CompatibilityLevel.FULL)),
            "{\"subject\":\"t-value\",\"compatibilityLevel\":\"FULL\"}"),
        Arguments.of(new ConfigRecord(null, Config.ofLevel(CompatibilityLevel.BACKWARD)),
            "{\"compatibilityLevel\":\"BACKWARD\"}"),
        Arguments.of(new ConfigRecord("s", FULL_CONFIG),
            "{\"subject\":\"s\",\"alias\":\"other\",\"normalize\":true,\"validateFields\":false,"
                + "\"compatibilityLevel\":\"FULL_TRANSITIVE\",\"compatibilityGroup\":\"app.version\","
                + "\"defaultMetadata\":{\"properties\":{\"a\":\"1\"}},\"overrideMetadata\":{\"tags\":{}},"
                + "\"defaultRuleSet\":{\"domainRules\":[]},"
                + "\"overrideRuleSet\":{\"migrationRules\":[{\"name\":\"r\"}]}}"),
        Arguments.of(new ConfigRecord("s", new Config(null, "d", null, null, false, true,
                CompatibilityLevel.NONE, "STRICT", null, null, null, null, null)),
            "{\"subject\":\"s\",\"aliasForDeks\":\"d\",\"validateNewSchemas\":false,"
                + "\"validateRules\":true,\"compatibilityLevel\":\"NONE\",\"compatibilityPolicy\":\"STRICT\"}"),
        Arguments.of(new ModeRecord("s", Mode.IMPORT), "{\"subject\":\"s\",\"mode\":\"IMPORT\"}"),
        Arguments.of(new ModeRecord(null, Mode.READONLY), "{\"mode\":\"READONLY\"}"),
        Arguments.of(new DeleteSubjectRecord("s", 3), "{\"subject\":\"s\",\"version\":3}"),
        Arguments.of(new ClearSubjectRecord("s"), "{\"subject\":\"s\"}"),
        Arguments.of(new ContextRecord("default", ".ctx", false),
            "{\"tenant\":\"default\",\"context\":\".ctx\"}"));
  }

  @ParameterizedTest
  @MethodSource("goldenValues")
  void valuesHaveTheTopicsShape(RegistryRecord record, String expected) {
    assertThat(new String(RecordCodec.value(record), UTF_8)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("tombstones")
  void tombstonesAndNoopHaveNoValue(RegistryRecord record) {
    assertThat(RecordCodec.value(record)).isNull();
  }

  static Stream<RegistryRecord> tombstones() {
    return Stream.of(new SchemaRecord("s", 1, null), new ConfigRecord("s", null),
        new ConfigRecord(null, null), new ModeRecord("s", null), new NoopRecord(),
        new ContextRecord("default", ".ctx", true));
  }

  /** Confluent writes keys with a plain Jackson ObjectMapper: escaping must match it. */
  @ParameterizedTest
  @ValueSource(strings = {"quo\"te", "back\\slash", "tab\tnew\nline", "ctl\u0001\u001f", "slash/",
      "ümlaut-€-𝄞", "\u2028sep", ":.ctx:orders-value", "<html>&amp;", "lone\uD800surrogate"})
  void keyEscapingMatchesJacksonDefaults(String subject) throws Exception {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("keytype", "SCHEMA");
    key.put("subject", subject);
    key.put("version", 4);
    key.put("magic", 1);
    assertThat(RecordCodec.key(new SchemaRecord(subject, 4, PLAIN)))
        .isEqualTo(new ObjectMapper().writeValueAsBytes(key));
    assertThat(RecordCodec.decode(RecordCodec.key(new SchemaRecord(subject, 4, PLAIN)),
        RecordCodec.value(new SchemaRecord(subject, 4, PLAIN))))
        .contains(new SchemaRecord(subject, 4, PLAIN));
  }

  static Stream<RegistryRecord> roundTrips() {
    return Stream.of(
        new SchemaRecord("t-value", 1, PLAIN),
        new SchemaRecord("t-value", 1, null),
        new SchemaRecord("p", 9, new SchemaValue(12, "JSON",
            List.of(new SchemaReference("r.json", "r", 3)),
            new RawJson("{\"tags\":{\"a\":[\"PII\"]},\"properties\":{\"n\":\"1.50\"}}"),
            new RawJson("{\"domainRules\":[{\"name\":\"x\",\"params\":{\"k\":\"v\"}}]}"),
            "{\"type\":\"object\",\"d\":1.50}", true)),
        new ConfigRecord("s", FULL_CONFIG),
        new ConfigRecord("s", Config.EMPTY),
        new ConfigRecord(null, Config.ofLevel(CompatibilityLevel.NONE)),
        new ConfigRecord(":.ctx:", Config.ofLevel(CompatibilityLevel.FORWARD)),
        new ConfigRecord("s", null),
        new ConfigRecord(null, null),
        new ModeRecord("s", Mode.READWRITE),
        new ModeRecord(null, Mode.FORWARD),
        new ModeRecord(null, null),
        new DeleteSubjectRecord("s", 5),
        new ClearSubjectRecord("s"),
        new NoopRecord(),
        new ContextRecord("default", ".a", false),
        new ContextRecord("default", ".a", true));
  }

  @ParameterizedTest
  @MethodSource("roundTrips")
  void decodeReadsBackWhatWasWritten(RegistryRecord record) {
    assertThat(RecordCodec.decode(RecordCodec.key(record), RecordCodec.value(record)))
        .contains(record);
  }

  @Test
  void rawJsonComesBackCompactWithNumbersAsWritten() {
    byte[] key = utf8("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}");
    byte[] value = utf8("{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"x\","
        + "\"metadata\" : { \"properties\" : { \"a\" : 1.50, \"b\": [1, 2e3] } },"
        + "\"ruleSet\":{ }}");
    SchemaValue decoded = ((SchemaRecord) RecordCodec.decode(key, value).orElseThrow()).value();
    assertThat(decoded.metadata().text()).isEqualTo("{\"properties\":{\"a\":1.50,\"b\":[1,2E+3]}}");
    assertThat(decoded.ruleSet().text()).isEqualTo("{}");
  }

  static Stream<Arguments> oldForms() {
    String schemaKey0 = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":0}";
    String noType = "{\"subject\":\"s\",\"version\":2,\"id\":5,\"schema\":\"\\\"int\\\"\","
        + "\"deleted\":false}";
    SchemaRecord avro = new SchemaRecord("s", 2,
        new SchemaValue(5, "AVRO", List.of(), null, null, "\"int\"", false));
    return Stream.of(
        Arguments.of("SCHEMA key magic 0, value without schemaType", schemaKey0, noType, avro),
        Arguments.of("keys in another field order", 
            "{\"magic\":1,\"version\":2,\"subject\":\"s\",\"keytype\":\"SCHEMA\"}", noType, avro),
        Arguments.of("SCHEMA value without deleted, with ts, offset and md5", schemaKey0,
            "{\"subject\":\"s\",\"version\":2,\"id\":5,\"schema\":\"\\\"int\\\"\","
                + "\"references\":[],\"ts\":1700000000000,\"offset\":17,\"md5\":\"AAAA\"}", avro),
        Arguments.of("SCHEMA value with null metadata and ruleSet", schemaKey0,
            "{\"id\":5,\"schemaType\":null,\"metadata\":null,\"ruleSet\":null,"
                + "\"references\":null,\"schema\":\"\\\"int\\\"\",\"deleted\":false}", avro),
        Arguments.of("pre-2021 global CONFIG key", "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
            "{\"compatibilityLevel\":\"BACKWARD\"}",
            new ConfigRecord(null, Config.ofLevel(CompatibilityLevel.BACKWARD))),
        Arguments.of("CONFIG value without subject", "{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}",
            "{\"compatibilityLevel\":\"FULL\"}",
            new ConfigRecord("s", Config.ofLevel(CompatibilityLevel.FULL))),
        Arguments.of("CONFIG value with Confluent 8.5's fields",
            "{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}",
            "{\"subject\":\"s\",\"aliasForDeks\":\"d\",\"validateNewSchemas\":true,"
                + "\"compatibilityLevel\":\"NONE\",\"compatibilityPolicy\":\"x\",\"ts\":1}",
            new ConfigRecord("s", new Config(null, "d", null, null, true, null, CompatibilityLevel.NONE,
                "x", null, null, null, null, null))),
        Arguments.of("lower-case compatibility level",
            "{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"full_transitive\"}",
            new ConfigRecord(null, Config.ofLevel(CompatibilityLevel.FULL_TRANSITIVE))),
        Arguments.of("MODE value without subject", "{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0}",
            "{\"mode\":\"READONLY\"}", new ModeRecord("s", Mode.READONLY)),
        Arguments.of("global MODE with null subject", "{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}",
            "{\"mode\":\"IMPORT\",\"offset\":3}", new ModeRecord(null, Mode.IMPORT)),
        Arguments.of("SCHEMA tombstone", schemaKey0, null, new SchemaRecord("s", 2, null)),
        Arguments.of("CONFIG tombstone", "{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}", null,
            new ConfigRecord("s", null)),
        Arguments.of("MODE tombstone", "{\"keytype\":\"MODE\",\"magic\":0}", null,
            new ModeRecord(null, null)),
        Arguments.of("CONTEXT tombstone",
            "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".c\",\"magic\":0}", null,
            new ContextRecord("default", ".c", true)),
        Arguments.of("NOOP with a value", "{\"keytype\":\"NOOP\",\"magic\":0}", "{}", new NoopRecord()),
        Arguments.of("DELETE_SUBJECT value with ts",
            "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}",
            "{\"subject\":\"s\",\"version\":4,\"ts\":5}", new DeleteSubjectRecord("s", 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oldForms")
  void decodeAcceptsOlderForms(String form, String key, String value, RegistryRecord expected) {
    assertThat(RecordCodec.decode(utf8(key), value == null ? null : utf8(value)))
        .contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"keytype\":\"ASSOC\",\"tenant\":\"default\",\"subject\":\"s\",\"magic\":0}",
      "{\"keytype\":\"SOMETHING_NEW\",\"magic\":0}",
      "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}",
      "{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"s\",\"magic\":0}"})
  void unknownKeyTypesAndMeaninglessTombstonesAreSkipped(String key) {
    assertThat(RecordCodec.decode(utf8(key), null)).isEmpty();
  }

  static Stream<Arguments> malformed() {
    String schemaKey = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}";
    String configKey = "{\"keytype\":\"CONFIG\",\"magic\":0}";
    return Stream.of(
        Arguments.of("key not JSON", "{\"keytype\":", null),
        Arguments.of("key not an object", "[1]", null),
        Arguments.of("key without keytype", "{\"subject\":\"s\",\"magic\":0}", null),
        Arguments.of("keytype not a string", "{\"keytype\":3,\"magic\":0}", null),
        Arguments.of("SCHEMA key magic 2", schemaKey.replace("\"magic\":1", "\"magic\":2"), null),
        Arguments.of("SCHEMA key without subject",
            "{\"keytype\":\"SCHEMA\",\"version\":1,\"magic\":1}", null),
        Arguments.of("SCHEMA key version a string", schemaKey.replace("1,", "\"1\","), null),
        Arguments.of("SCHEMA value truncated", schemaKey, "{\"id\":1,\"sch"),
        Arguments.of("SCHEMA value empty", schemaKey, ""),
        Arguments.of("SCHEMA value without id", schemaKey, "{\"schema\":\"x\"}"),
        Arguments.of("SCHEMA value id too large", schemaKey, "{\"id\":4294967296,\"schema\":\"x\"}"),
        Arguments.of("SCHEMA value without schema", schemaKey, "{\"id\":1}"),
        Arguments.of("SCHEMA value deleted a string", schemaKey,
            "{\"id\":1,\"schema\":\"x\",\"deleted\":\"no\"}"),
        Arguments.of("SCHEMA reference without subject", schemaKey,
            "{\"id\":1,\"schema\":\"x\",\"references\":[{\"name\":\"n\",\"version\":1}]}"),
        Arguments.of("SCHEMA references not an array", schemaKey,
            "{\"id\":1,\"schema\":\"x\",\"references\":{}}"),
        Arguments.of("CONFIG unknown level", configKey, "{\"compatibilityLevel\":\"SIDEWAYS\"}"),
        Arguments.of("CONFIG normalize a number", configKey, "{\"normalize\":1}"),
        Arguments.of("MODE unknown mode", "{\"keytype\":\"MODE\",\"magic\":0}", "{\"mode\":\"WRITEONLY\"}"),
        Arguments.of("MODE without mode", "{\"keytype\":\"MODE\",\"magic\":0}", "{}"),
        Arguments.of("DELETE_SUBJECT without version",
            "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}", "{\"subject\":\"s\"}"),
        Arguments.of("CLEAR_SUBJECT without subject",
            "{\"keytype\":\"CLEAR_SUBJECT\",\"magic\":0}", "{}"),
        Arguments.of("CONTEXT without context",
            "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"magic\":0}", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedRecordsThrowAFormatException(String what, String key, String value) {
    assertThatThrownBy(() -> RecordCodec.decode(utf8(key), value == null ? null : utf8(value)))
        .isInstanceOf(RecordFormatException.class)
        .hasMessageNotContaining("null");
  }

  @Test
  void aRecordWithoutKeyIsMalformed() {
    assertThatThrownBy(() -> RecordCodec.decode(null, utf8("{}")))
        .isInstanceOf(RecordFormatException.class).hasMessage("record has no key");
  }

  @Test
  void formatErrorsNameTheFieldAndKeyType() {
    assertThatThrownBy(() -> RecordCodec.decode(
        utf8("{\"keytype\":\"CONFIG\",\"magic\":0}"), utf8("{\"compatibilityLevel\":\"SIDEWAYS\"}")))
        .hasMessage("CONFIG value: unknown compatibilityLevel \"SIDEWAYS\"");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }
}
