package dev.stele.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.serde.internal.Strategies;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

  @Test
  void theThreeStrategiesNameSubjectsAsConfluentsDo() {
    assertThat(new TopicNameStrategy().subjectName("orders", false, "com.acme.Order")).isEqualTo("orders-value");
    assertThat(new TopicNameStrategy().subjectName("orders", true, null)).isEqualTo("orders-key");
    assertThat(new RecordNameStrategy().subjectName("orders", false, "com.acme.Order")).isEqualTo("com.acme.Order");
    assertThat(new TopicRecordNameStrategy().subjectName("orders", true, "com.acme.Order"))
        .isEqualTo("orders-com.acme.Order");
  }

  @Test
  void recordStrategiesNeedARecordName() {
    assertThatThrownBy(() -> new RecordNameStrategy().subjectName("orders", false, null))
        .isInstanceOf(SerializationException.class).hasMessageContaining("orders");
    assertThatThrownBy(() -> new TopicRecordNameStrategy().subjectName("orders", false, null))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void confluentClassNamesMapToOurs() {
    assertThat(Strategies.load("k", "io.confluent.kafka.serializers.subject.RecordNameStrategy"))
        .isInstanceOf(RecordNameStrategy.class);
    assertThat(Strategies.load("k", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
        .isInstanceOf(TopicRecordNameStrategy.class);
    assertThat(Strategies.load("k", "io.confluent.kafka.serializers.subject.AssociatedNameStrategy"))
        .isInstanceOf(AssociatedNameStrategy.class);
    assertThat(Strategies.load("k", TopicRecordNameStrategy.class.getName()))
        .isInstanceOf(TopicRecordNameStrategy.class);
    assertThat(Strategies.load("k", null)).as("Confluent 8's default").isInstanceOf(AssociatedNameStrategy.class);
  }

  @Test
  void aClassThatIsNotAStrategyIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> Strategies.load("value.subject.name.strategy", "java.lang.String"))
        .hasMessageContaining("value.subject.name.strategy").hasMessageContaining("does not implement");
    assertThatThrownBy(() -> Strategies.load("value.subject.name.strategy", "no.such.Strategy"))
        .hasMessageContaining("cannot create");
  }
}
