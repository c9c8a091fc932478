package dev.stele.serde.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.SerdeConfig;
import dev.stele.serde.protobuf.internal.ProtobufKeys;
import dev.stele.serde.testing.KeyTableContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Walks Protobuf's key table (docs/client-config.md) against the real serdes. */
class ProtobufConfigKeysTest extends KeyTableContract {
  private static final String PROTO = "dev.stele.serde.protobuf.";
  static final Timestamp TS = Timestamp.newBuilder().setSeconds(1_700_000_000L).build();

  ProtobufConfigKeysTest() {
    super(new Walk(ProtobufKeys.TABLE, Map.of(
        "specific.protobuf.value.type", PROTO + "KafkaProtobufSerdeTest#readsBackAsDynamicMessageOrTheGeneratedClass",
        "specific.protobuf.key.type", KEY_TYPE_EVIDENCE,
        "reference.subject.name.strategy", PROTO + "KafkaProtobufSerdeTest#qualifiedReferenceSubjectsAreDotted"),
        KafkaProtobufSerializer::new, KafkaProtobufDeserializer::new, ProtobufSerdeConfig.KEY_TYPE, TS));
  }

  @Test
  void autoRegisterWinsOverUseSchemaIdAsInConfluent() throws Exception {
    int other = REGISTRY.client().register("elsewhere", SchemaDefinition.avro("\"string\""));
    KafkaProtobufSerializer<Timestamp> serializer = new KafkaProtobufSerializer<>();
    serializer.configure(REGISTRY.configs(SerdeConfig.USE_SCHEMA_ID, other), false);
    byte[] bytes = serializer.serialize("stamped", TS);
    int registered = REGISTRY.client().getLatest("stamped-value").id();
    assertThat(registered).isNotEqualTo(other);
    assertThat(bytes[4]).isEqualTo((byte) registered);
  }
}
