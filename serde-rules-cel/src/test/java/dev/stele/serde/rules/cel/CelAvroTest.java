package dev.stele.serde.rules.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.Metadata;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import dev.stele.serde.rules.RuleConditionException;
import dev.stele.serde.rules.RuleFailedException;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CEL and CEL_FIELD rules on Avro records, through the real serializer and deserializer and a real server. */
class CelAvroTest {
  static final String STUDENT = "{\"type\":\"record\",\"name\":\"Student\",\"namespace\":\"school\",\"fields\":["
      + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"class\",\"type\":\"int\"},"
      + "{\"name\":\"ssn\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]},"
      + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
  static final Schema SCHEMA = new Schema.Parser().parse(STUDENT);

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  static GenericRecord student(String name, int klass, String ssn, String email) {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("name", name);
    record.put("class", klass);
    record.put("ssn", ssn);
    record.put("email", email);
    return record;
  }

  static void register(String subject, Metadata metadata, Rule... rules) throws Exception {
    REGISTRY.client().register(subject, SchemaDefinition.avro(STUDENT).withContract(metadata,
        RuleSet.domain(List.of(rules))));
  }

  static KafkaAvroSerializer serializer(Object... extra) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    Map<String, Object> configs = REGISTRY.configs("auto.register.schemas", false, "use.latest.version", true);
    for (int i = 0; i < extra.length; i += 2) {
      configs.put((String) extra[i], extra[i + 1]);
    }
    serializer.configure(configs, false);
    return serializer;
  }

  @Test
  void aConditionRefusesABadRecordWithConfluentsErrorAndPassesAGoodOne() throws Exception {
    register("students-value", null, Rule.of("checkClass", RuleKind.CONDITION, RuleMode.WRITE, "CEL",
        "message.class > 0"));
    KafkaAvroSerializer serializer = serializer();

    assertThat(serializer.serialize("students", student("Ann", 3, "123-45-6789", null))).isNotNull();
    assertThatThrownBy(() -> serializer.serialize("students", student("Bob", 0, "987-65-4321", null)))
        .isInstanceOf(SerializationException.class)
        .isInstanceOf(RuleFailedException.class)
        .hasMessage("Rule failed: checkClass")
        .cause().isInstanceOf(RuleConditionException.class).hasMessage("Expr failed: 'message.class > 0'");
    assertThat(((RuleFailedException) catchFailure(serializer, student("Bob", -1, "x", null))).rule().name())
        .isEqualTo("checkClass");
  }

  @Test
  void aFieldTransformMasksThePiiTaggedFieldOnly() throws Exception {
    register("masked-value", null, Rule.of("mask", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD",
        "'XXX-XX-' + value.substring(7)").withTags(Set.of("PII")));
    byte[] bytes = serializer().serialize("masked", student("Ann", 3, "123-45-6789", "ann@example.com"));

    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(REGISTRY.configs(), false);
    GenericRecord read = (GenericRecord) deserializer.deserialize("masked", bytes);
    assertThat(read.get("ssn").toString()).isEqualTo("XXX-XX-6789");
    assertThat(read.get("name").toString()).isEqualTo("Ann");
    assertThat(read.get("email").toString()).isEqualTo("ann@example.com");
  }

  @Test
  void aTransformRewritesTheApplicationsRecordUnlessPreserveSourceFieldsIsSet() throws Exception {
    Rule mask = Rule.of("mask", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", "'XXX-XX-' + value.substring(7)")
        .withTags(Set.of("PII"));
    register("inplace-value", null, mask);
    register("preserved-value", null, mask.withParams(Map.of("preserve.source.fields", "true")));
    GenericRecord inPlace = student("Ann", 3, "123-45-6789", null);
    serializer().serialize("inplace", inPlace);
    assertThat(inPlace.get("ssn")).as("as Confluent's serializer does").isEqualTo("XXX-XX-6789");

    GenericRecord preserved = student("Ann", 3, "123-45-6789", null);
    byte[] bytes = serializer().serialize("preserved", preserved);
    assertThat(preserved.get("ssn")).isEqualTo("123-45-6789");
    assertThat(read("preserved", bytes).get("ssn").toString()).isEqualTo("XXX-XX-6789");
  }

  /**
   * A preserving transform copies only the records on the way to the fields it changes and shares
   * the rest with the application's record; a later transform of the phase that writes in place
   * would write into the shared rest, so then the first rule copies the whole record as before.
   */
  @Test
  void aLaterInPlaceTransformDoesNotReachTheSourceThroughAPreservingOnesCopy() throws Exception {
    String outer = "{\"type\":\"record\",\"name\":\"Enrolment\",\"namespace\":\"school\",\"fields\":["
        + "{\"name\":\"code\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]},"
        + "{\"name\":\"student\",\"type\":{\"type\":\"record\",\"name\":\"Card\",\"fields\":["
        + "{\"name\":\"note\",\"type\":\"string\",\"confluent:tags\":[\"NOTE\"]}]}}]}";
    Schema schema = new Schema.Parser().parse(outer);
    Rule keep = Rule.of("mask", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", "'masked'")
        .withTags(Set.of("PII")).withParams(Map.of("preserve.source.fields", "true"));
    Rule inPlace = Rule.of("blank", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", "'blank'")
        .withTags(Set.of("NOTE"));
    REGISTRY.client().register("alone-value", SchemaDefinition.avro(outer).withContract(null,
        RuleSet.domain(List.of(keep))));
    REGISTRY.client().register("chained-value", SchemaDefinition.avro(outer).withContract(null,
        RuleSet.domain(List.of(keep.withParams(Map.of("preserve.source.fields", "true")), inPlace))));

    for (String topic : List.of("alone", "chained")) {
      GenericRecord card = new GenericData.Record(schema.getField("student").schema());
      card.put("note", "top of the class");
      GenericRecord source = new GenericData.Record(schema);
      source.put("code", "E-1");
      source.put("student", card);
      byte[] bytes = serializer().serialize(topic, source);

      assertThat(source.get("code")).as(topic).isEqualTo("E-1");
      assertThat(card.get("note")).as(topic).isEqualTo("top of the class");
      assertThat(source.get("student")).as(topic).isSameAs(card);
      GenericRecord read = read(topic, bytes);
      assertThat(read.get("code").toString()).as(topic).isEqualTo("masked");
      assertThat(((GenericRecord) read.get("student")).get("note").toString()).as(topic)
          .isEqualTo(topic.equals("alone") ? "top of the class" : "blank");
    }
  }

  @Test
  void aFieldTransformsAnswerOfTheWrongTypeFailsTheWriteSayingWhich() throws Exception {
    register("wrongtype-value", null, Rule.of("toNumber", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", "42")
        .withTags(Set.of("PII")));
    assertThatThrownBy(() -> serializer().serialize("wrongtype", student("Ann", 3, "123-45-6789", null)))
        .isInstanceOf(SerializationException.class)
        .hasStackTraceContaining("rule 'toNumber' gave a Long for STRING field school.Student.ssn");
  }

  @Test
  void metadataTagsSelectFieldsByPathWithWildcards() throws Exception {
    Metadata metadata = new Metadata(Map.of("school.Student.em*", Set.of("CONTACT")), Map.of(), Set.of());
    register("contact-value", metadata, Rule.of("hideContact", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD",
        "'hidden'").withTags(Set.of("CONTACT")));
    byte[] bytes = serializer().serialize("contact", student("Ann", 3, "123-45-6789", "ann@example.com"));
    GenericRecord read = read("contact", bytes);
    assertThat(read.get("email").toString()).isEqualTo("hidden");
    assertThat(read.get("ssn").toString()).isEqualTo("123-45-6789");
  }

  @Test
  void aFieldConditionFailsAtTheFirstFieldThatAnswersFalse() throws Exception {
    register("fieldcheck-value", null, new Rule("ssnShape", "an SSN is ddd-dd-dddd", RuleKind.CONDITION,
        RuleMode.WRITE, "CEL_FIELD", Set.of("PII"), Map.of(), "value.matches('^[0-9]{3}-[0-9]{2}-[0-9]{4}$')",
        null, null, false));
    KafkaAvroSerializer serializer = serializer();
    assertThat(serializer.serialize("fieldcheck", student("Ann", 3, "123-45-6789", null))).isNotNull();
    assertThatThrownBy(() -> serializer.serialize("fieldcheck", student("Ann", 3, "12345", null)))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: ssnShape")
        .cause().hasMessage("an SSN is ddd-dd-dddd");
  }

  @Test
  void readRulesRunInTheDeserializer() throws Exception {
    register("reads-value", null, Rule.of("readCheck", RuleKind.CONDITION, RuleMode.READ, "CEL",
        "message.name != 'Eve'"));
    KafkaAvroSerializer serializer = serializer();
    byte[] eve = serializer.serialize("reads", student("Eve", 3, "1", null));
    byte[] ann = serializer.serialize("reads", student("Ann", 3, "1", null));
    assertThat(read("reads", ann).get("name").toString()).isEqualTo("Ann");
    assertThatThrownBy(() -> read("reads", eve)).isInstanceOf(RuleFailedException.class)
        .hasMessage("Rule failed: readCheck");
  }

  @Test
  void aGuardThatIsFalseSkipsTheBodyAndOnFailureNoneLetsTheRecordThrough() throws Exception {
    register("guard-value", null,
        Rule.of("onlyNamedBob", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.name == 'Bob'; message.class > 5"),
        Rule.of("lenient", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.class > 100").withActions(null, "NONE"));
    KafkaAvroSerializer serializer = serializer();
    assertThat(serializer.serialize("guard", student("Ann", 1, "1", null))).isNotNull();
    assertThatThrownBy(() -> serializer.serialize("guard", student("Bob", 1, "1", null)))
        .hasMessage("Rule failed: onlyNamedBob");
  }

  @Test
  void aConditionThatDoesNotCompileFailsTheRecordNamingTheExpression() throws Exception {
    register("broken-value", null, Rule.of("broken", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.class >"));
    assertThatThrownBy(() -> serializer().serialize("broken", student("Ann", 1, "1", null)))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: broken")
        .cause().hasMessageContaining("does not compile");
  }

  static GenericRecord read(String topic, byte[] bytes) {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(REGISTRY.configs(), false);
    return (GenericRecord) deserializer.deserialize(topic, bytes);
  }

  static RuntimeException catchFailure(KafkaAvroSerializer serializer, GenericRecord record) {
    try {
      serializer.serialize("students", record);
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the record was accepted");
  }
}
