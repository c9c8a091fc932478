package dev.stele.bench;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.client.SchemaDefinition;
import dev.stele.serde.avro.KafkaAvroDeserializer;
import dev.stele.serde.avro.KafkaAvroSerializer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * What a data contract costs a serializer (issue 14: a CEL condition adds at most 20%; encrypting
 * one field at most 2x with a warm DEK cache): {@link KafkaAvroSerializer} on AvroSerdeBenchmark's
 * 10-field record without rules, with one CEL condition on a field ({@code message.quantity > 0}),
 * with one CEL_FIELD transform on one tagged string field, and with one ENCRYPT rule (AES256_GCM,
 * a local-kms KEK) on that field, whose DEK is made and cached before measuring. The rules come
 * from the registered latest version ({@code use.latest.version=true}), as producers under a
 * contract are set up. {@link #decryptOneField} reads the encrypted record back against
 * {@link #noRulesRead}, the bare deserializer on the same record. Run with {@code bench/jmh.sh CelRuleBenchmark}.
 */
public class CelRuleBenchmark extends SerdeRegistry.Trial {
  private KafkaAvroSerializer bare;
  private KafkaAvroSerializer condition;
  private KafkaAvroSerializer fieldTransform;
  private KafkaAvroSerializer encrypting;
  private KafkaAvroDeserializer bareReader;
  private KafkaAvroDeserializer decrypting;
  private byte[] plainBytes;
  private byte[] encryptedBytes;
  private GenericRecord plainRecord;
  private GenericRecord record;
  private static final String CONDITION = "message.quantity > 0";
  private final dev.stele.serde.rules.cel.internal.CelPrograms celAlone =
      dev.stele.serde.rules.cel.internal.CelPrograms.forMessages();
  private Map<String, Object> celVariables;

  @Override
  protected void prepare(SerdeRegistry registry) throws Exception {
    String schema = AvroSerdeBenchmark.TEN_FIELDS.toString();
    try (CachedSchemaRegistryClient client = registry.client()) {
      client.register("plain-value", SchemaDefinition.avro(schema));
      client.register("checked-value", SchemaDefinition.avro(schema).withContract(null, RuleSet.domain(List.of(
          Rule.of("positive", RuleKind.CONDITION, RuleMode.WRITE, "CEL", CONDITION)))));
      client.register("masked-value", SchemaDefinition.avro(schema).withContract(
          new dev.stele.client.Metadata(Map.of("bench.Order.sku", Set.of("PII")), Map.of(), Set.of()),
          RuleSet.domain(List.of(Rule.of("mask", RuleKind.TRANSFORM, RuleMode.WRITE, "CEL_FIELD", "'XXX'")
              .withTags(Set.of("PII"))))));
      client.register("encrypted-value", SchemaDefinition.avro(schema).withContract(
          new dev.stele.client.Metadata(Map.of("bench.Order.sku", Set.of("PII")), Map.of(), Set.of()),
          RuleSet.domain(List.of(Rule.of("encrypt", RuleKind.TRANSFORM, RuleMode.WRITEREAD, "ENCRYPT", null)
              .withTags(Set.of("PII")).withParams(Map.of("encrypt.kek.name", "bench-kek",
                  "encrypt.kms.type", "local-kms", "encrypt.kms.key.id", "bench-key"))))));
    }
    Map<String, Object> latest = Map.of("auto.register.schemas", false, "use.latest.version", true);
    bare = registry.serializer(new KafkaAvroSerializer(), latest);
    condition = registry.serializer(new KafkaAvroSerializer(), latest);
    fieldTransform = registry.serializer(new KafkaAvroSerializer(), latest);
    record = AvroSerdeBenchmark.order();
    PlainFields fields = new PlainFields();
    for (org.apache.avro.Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      fields.put(field.name(), value instanceof CharSequence ? value.toString()
          : value instanceof Integer number ? Long.valueOf(number) : value);
    }
    // As the executor binds a record: a CEL struct selecting one field at a time.
    celVariables = Map.of("message", dev.stele.serde.rules.cel.internal.CelValues.toCel(fields));
    if (!Boolean.TRUE.equals(celAlone.eval(CONDITION, celVariables))) {
      throw new IllegalStateException("the condition alone did not hold");
    }
    bare.serialize("plain", record);
    condition.serialize("checked", record);
    fieldTransform.serialize("masked", record);
    if (!"XXX".equals(record.get("sku").toString())) {
      throw new IllegalStateException("the CEL_FIELD rule did not run");
    }
    // Encrypted into a copy, so every call encrypts the same plaintext; the copy is measured too.
    encrypting = registry.serializer(new KafkaAvroSerializer(), Map.of("auto.register.schemas", false,
        "use.latest.version", true, "rule.executors._default_.param.secret", "bench secret",
        "rule.executors._default_.param.preserve.source.fields", "true"));
    plainRecord = AvroSerdeBenchmark.order();
    String sku = plainRecord.get("sku").toString();
    byte[] encrypted = encrypting.serialize("encrypted", plainRecord);
    if (new String(encrypted, java.nio.charset.StandardCharsets.ISO_8859_1).contains(sku)
        || !sku.equals(plainRecord.get("sku").toString())) {
      throw new IllegalStateException("the ENCRYPT rule did not run on a copy");
    }
    // The way back: the same bytes read bare, and read with the ENCRYPT rule decrypting the field.
    plainBytes = bare.serialize("plain", plainRecord);
    encryptedBytes = encrypted;
    bareReader = registry.deserializer(new KafkaAvroDeserializer(), Map.of());
    decrypting = registry.deserializer(new KafkaAvroDeserializer(), Map.of(
        "rule.executors._default_.param.secret", "bench secret"));
    Object decrypted = decrypting.deserialize("encrypted", encryptedBytes);
    if (!(decrypted instanceof GenericRecord read) || !sku.equals(read.get("sku").toString())) {
      throw new IllegalStateException("the ENCRYPT rule did not decrypt on read: " + decrypted);
    }
  }

  /** A record's fields as the formats hand records to rules (a struct to CEL, not a map). */
  private static final class PlainFields extends java.util.HashMap<String, Object>
      implements dev.stele.serde.rules.PlainRecord {}

  @Benchmark
  public byte[] noRules() {
    return bare.serialize("plain", record);
  }

  @Benchmark
  public byte[] celCondition() {
    return condition.serialize("checked", record);
  }

  @Benchmark
  public byte[] celFieldTransform() {
    return fieldTransform.serialize("masked", record);
  }

  /**
   * The floor under {@link #celCondition}: the evaluation of the same compiled expression (by the
   * fast path, which takes this one) on a prepared activation (the record's fields as a struct,
   * built once), without the serializer, the rule context or the conversion of the record. If this alone costs more than a fifth of
   * {@link #noRules}, the 20% target cannot be met by Stele's code around CEL.
   */
  @Benchmark
  public Object celProgramAlone() throws Exception {
    return celAlone.eval(CONDITION, celVariables);
  }

  /**
   * As {@link #celProgramAlone} by dev.cel's program only, without Stele's fast path
   * (docs/decisions/0022): what the condition cost before it, and still costs for expressions
   * outside the fast path's subset.
   */
  @Benchmark
  public Object celProgramAloneDevCel() throws Exception {
    return celAlone.evalCel(CONDITION, celVariables::get);
  }

  @Benchmark
  public byte[] encryptOneField() {
    return encrypting.serialize("encrypted", plainRecord);
  }

  /** What {@link #decryptOneField} is compared with: the same record read without rules. */
  @Benchmark
  public Object noRulesRead() {
    return bareReader.deserialize("plain", plainBytes);
  }

  /** The ENCRYPT rule on read: the tagged field decrypted with the cached DEK. */
  @Benchmark
  public Object decryptOneField() {
    return decrypting.deserialize("encrypted", encryptedBytes);
  }
}
