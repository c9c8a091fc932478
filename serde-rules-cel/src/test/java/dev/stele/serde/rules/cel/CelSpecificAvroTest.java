package dev.stele.serde.rules.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import dev.stele.serde.rules.RuleFailedException;
import dev.stele.serde.rules.cel.testdata.Student;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Student contract on a generated SpecificRecord, written and read back as the generated class. */
class CelSpecificAvroTest {
  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  @Test
  void aSpecificRecordIsCheckedMaskedAndReadBackAsItsClass() throws Exception {
    REGISTRY.client().register("specific-value", SchemaDefinition.avro(Student.SCHEMA$.toString()).withContract(null,
        RuleSet.domain(List.of(
            Rule.of("checkClass", RuleKind.CONDITION, RuleMode.WRITE, "CEL", "message.class > 0"),
            Rule.of("mask", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", "'XXX-XX-' + value.substring(7)")
                .withTags(Set.of("PII"))))));
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(REGISTRY.configs("auto.register.schemas", false, "use.latest.version", true), false);
    byte[] bytes = serializer.serialize("specific", new Student("Ann", 2, "123-45-6789"));
    assertThatThrownBy(() -> serializer.serialize("specific", new Student("Bob", 0, "1")))
        .isInstanceOf(RuleFailedException.class).hasMessage("Rule failed: checkClass");

    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(REGISTRY.configs("specific.avro.reader", true), false);
    Student read = (Student) deserializer.deserialize("specific", bytes);
    assertThat(read.name).isEqualTo("Ann");
    assertThat(read.klass).isEqualTo(2);
    assertThat(read.ssn).isEqualTo("XXX-XX-6789");
  }
}
