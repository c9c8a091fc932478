package dev.stele.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.testing.KeyTableWalk;
import dev.stele.serde.jsonschema.internal.JsonSchemaKeys;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walks JSON Schema's key table (docs/client-config.md) against the real serdes. */
class JsonSchemaConfigKeysTest {
  private static final String JSON = "dev.stele.serde.jsonschema.";

  @RegisterExtension
  static final SerdeRegistry REGISTRY = new SerdeRegistry();

  @Test
  void everyHonouredKeyNamesTheTestThatShowsItsEffect() {
    KeyTableWalk.honouredKeysHaveEvidence(JsonSchemaKeys.TABLE, Map.of(
        "json.fail.invalid.schema", JSON + "KafkaJsonSchemaSerdeTest#dataBreakingTheSchemaIsRefusedWhenValidationIsOn",
        "json.value.type", JSON + "KafkaJsonSchemaSerdeTest#aHandBuiltFrameIsReadAsAJsonNodeOrAPojo",
        "json.key.type", JSON + "JsonSchemaConfigKeysTest#keysAreReadIntoTheKeyType"));
  }

  @Test
  void everyRefusedKeyFailsConfigureNamingItself() {
    KeyTableWalk.refusedKeysFailNamingThemselves(JsonSchemaKeys.TABLE, REGISTRY.configs(), (side, configs) -> {
      if (side == Side.SERIALIZER) {
        new KafkaJsonSchemaSerializer<>().configure(new HashMap<>(configs), false);
      } else {
        new KafkaJsonSchemaDeserializer<>().configure(new HashMap<>(configs), false);
      }
    });
  }

  @Test
  void keysAreReadIntoTheKeyType() {
    KafkaJsonSchemaSerializer<Person> serializer = new KafkaJsonSchemaSerializer<>();
    serializer.configure(REGISTRY.configs(), true);
    byte[] bytes = serializer.serialize("people", new Person("ann", 7, List.of("a")));
    KafkaJsonSchemaDeserializer<Object> keys = new KafkaJsonSchemaDeserializer<>();
    keys.configure(REGISTRY.configs(JsonSchemaSerdeConfig.KEY_TYPE, Person.class.getName()), true);
    KafkaJsonSchemaDeserializer<Object> values = new KafkaJsonSchemaDeserializer<>();
    values.configure(REGISTRY.configs(JsonSchemaSerdeConfig.KEY_TYPE, Person.class.getName()), false);
    assertThat(keys.deserialize("people", bytes)).isInstanceOf(Person.class);
    assertThat(values.deserialize("people", bytes)).isNotInstanceOf(Person.class);
  }

  @Test
  void everyKeyIsInTheDocs() {
    KeyTableWalk.documented(JsonSchemaKeys.TABLE);
  }
}
