package dev.stele.serde.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.stele.client.SchemaDefinition;
import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.testing.KeyTableWalk;
import dev.stele.serde.SerdeConfig;
import dev.stele.serde.protobuf.internal.ProtobufKeys;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walks Protobuf's key table (docs/client-config.md) against the real serdes. */
class ProtobufConfigKeysTest {
  private static final String PROTO = "dev.stele.serde.protobuf.";
  static final Timestamp TS = Timestamp.newBuilder().setSeconds(1_700_000_000L).build();

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  @Test
  void everyHonouredKeyNamesTheTestThatShowsItsEffect() {
    KeyTableWalk.honouredKeysHaveEvidence(ProtobufKeys.TABLE, Map.of(
        "specific.protobuf.value.type", PROTO + "KafkaProtobufSerdeTest#readsBackAsDynamicMessageOrTheGeneratedClass",
        "specific.protobuf.key.type", PROTO + "ProtobufConfigKeysTest#keysAreParsedIntoTheKeyType",
        "reference.subject.name.strategy", PROTO + "KafkaProtobufSerdeTest#qualifiedReferenceSubjectsAreDotted"));
  }

  @Test
  void everyRefusedKeyFailsConfigureNamingItself() {
    KeyTableWalk.refusedKeysFailNamingThemselves(ProtobufKeys.TABLE, REGISTRY.configs(), (side, configs) -> {
      if (side == Side.SERIALIZER) {
        new KafkaProtobufSerializer<>().configure(new HashMap<>(configs), false);
      } else {
        new KafkaProtobufDeserializer<>().configure(new HashMap<>(configs), false);
      }
    });
  }

  @Test
  void keysAreParsedIntoTheKeyType() {
    KafkaProtobufSerializer<Timestamp> serializer = new KafkaProtobufSerializer<>();
    serializer.configure(REGISTRY.configs(), true);
    byte[] bytes = serializer.serialize("times", TS);
    KafkaProtobufDeserializer<Message> keys = new KafkaProtobufDeserializer<>();
    keys.configure(REGISTRY.configs(ProtobufSerdeConfig.KEY_TYPE, Timestamp.class.getName()), true);
    KafkaProtobufDeserializer<Message> values = new KafkaProtobufDeserializer<>();
    values.configure(REGISTRY.configs(ProtobufSerdeConfig.KEY_TYPE, Timestamp.class.getName()), false);
    assertThat(keys.deserialize("times", bytes)).isEqualTo(TS);
    assertThat(values.deserialize("times", bytes)).isNotInstanceOf(Timestamp.class);
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

  @Test
  void everyKeyIsInTheDocs() {
    KeyTableWalk.documented(ProtobufKeys.TABLE);
  }
}
