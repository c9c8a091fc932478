package dev.stele.serde.jsonschema;

import dev.stele.serde.jsonschema.internal.JsonSchemaKeys;
import dev.stele.serde.testing.KeyTableContract;
import java.util.List;
import java.util.Map;

/** Walks JSON Schema's key table (docs/client-config.md) against the real serdes. */
class JsonSchemaConfigKeysTest extends KeyTableContract {
  private static final String JSON = "dev.stele.serde.jsonschema.";

  JsonSchemaConfigKeysTest() {
    super(new Walk(JsonSchemaKeys.TABLE, Map.of(
        "json.fail.invalid.schema", JSON + "KafkaJsonSchemaSerdeTest#dataBreakingTheSchemaIsRefusedWhenValidationIsOn",
        "json.value.type", JSON + "KafkaJsonSchemaSerdeTest#aHandBuiltFrameIsReadAsAJsonNodeOrAPojo",
        "json.key.type", KEY_TYPE_EVIDENCE),
        KafkaJsonSchemaSerializer::new, KafkaJsonSchemaDeserializer::new,
        JsonSchemaSerdeConfig.KEY_TYPE, new Person("ann", 7, List.of("a"))));
  }
}
