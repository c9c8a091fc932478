package dev.stele.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.serde.jsonschema.JsonSchemaSerdeConfig;
import dev.stele.serde.jsonschema.KafkaJsonSchemaDeserializer;
import dev.stele.serde.jsonschema.KafkaJsonSchemaSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The JSON Schema serdes against bare Jackson once the schema id is cached, on a 10-field POJO:
 * without validation (the 10% target) and, separately, with validation on serialize
 * (the default) and on deserialize, to report what validating costs. A real Stele server runs
 * in-process for the first call. Run with {@code bench/jmh.sh JsonSchemaSerdeBenchmark}.
 */
public class JsonSchemaSerdeBenchmark extends SerdeRegistry.Trial<JsonSchemaSerdeBenchmark.Order> {
  /** Ten fields of the usual kinds; public so Jackson and the schema derivation see them. */
  public static class Order {
    public long id = 1234567890123L;
    public String customer = "customer-00042";
    public double amount = 199.95;
    public int quantity = 3;
    public String currency = "EUR";
    public boolean paid = true;
    public long created = 1_764_000_000_000L;
    public String note = "leave at the door";
    public float weight = 1.25f;
    public String sku = "SKU-7781-XL";
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final Order order = new Order();
  private KafkaJsonSchemaSerializer<Order> validating;
  private KafkaJsonSchemaDeserializer<JsonNode> validatingReader;
  private byte[] framed;
  private byte[] bare;

  @Override
  protected void prepare(SerdeRegistry registry) throws Exception {
    validating = registry.serializer(new KafkaJsonSchemaSerializer<>(),
        Map.of(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true));
    validatingReader = registry.deserializer(new KafkaJsonSchemaDeserializer<>(),
        Map.of(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true));
    framed = measure(registry.serializer(new KafkaJsonSchemaSerializer<>(),
        Map.of(JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, false)),
        registry.deserializer(new KafkaJsonSchemaDeserializer<JsonNode>(), Map.of()), order);
    validating.serialize("orders", order);
    bare = mapper.writeValueAsBytes(order);
    SerdeRegistry.requireSamePayload(Arrays.copyOfRange(framed, 5, framed.length), bare, "Jackson");
    validatingReader.deserialize("orders", framed);
  }

  @Benchmark
  public byte[] bareJacksonWrite() throws IOException {
    return mapper.writeValueAsBytes(order);
  }

  @Benchmark
  public byte[] steleSerializeValidating() {
    return validating.serialize("orders", order);
  }

  @Benchmark
  public JsonNode bareJacksonReadTree() throws IOException {
    return mapper.readTree(bare);
  }

  @Benchmark
  public JsonNode steleDeserializeValidating() {
    return validatingReader.deserialize("orders", framed);
  }
}
