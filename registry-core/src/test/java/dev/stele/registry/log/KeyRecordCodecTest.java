package dev.stele.registry.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.kms.DekFormat;
import dev.stele.registry.log.RegistryRecord.DekRecord;
import dev.stele.registry.log.RegistryRecord.DekValue;
import dev.stele.registry.log.RegistryRecord.KekRecord;
import dev.stele.registry.log.RegistryRecord.KekValue;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The {@code _dek_registry_keys} records, against JSON as Confluent's registry writes it. */
class KeyRecordCodecTest {
  private static final KekValue KEK = new KekValue("local-kms", "key1",
      new TreeMap<>(Map.of("secret", "s3", "b", "2")), "my kek", true, false);

  @Test
  void keysAreConfluentsBytes() {
    assertThat(new String(RecordCodec.key(new KekRecord("kek1", KEK)), UTF_8))
        .isEqualTo("{\"tenant\":\"default\",\"name\":\"kek1\",\"type\":\"KEK\"}");
    assertThat(new String(RecordCodec.key(new KekRecord("kek1", null)), UTF_8))
        .isEqualTo("{\"tenant\":\"default\",\"name\":\"kek1\",\"type\":\"KEK\"}");
    assertThat(new String(RecordCodec.key(new DekRecord("kek1", "orders-value",
        DekFormat.AES256_SIV, 2, new DekValue("abc", false))), UTF_8))
        .isEqualTo("{\"tenant\":\"default\",\"kekName\":\"kek1\",\"subject\":\"orders-value\","
            + "\"algorithm\":\"AES256_SIV\",\"version\":2,\"type\":\"DEK\"}");
  }

  @Test
  void valuesCarryTheKeysFields() {
    assertThat(new String(RecordCodec.value(new KekRecord("kek1", KEK)), UTF_8))
        .isEqualTo("{\"name\":\"kek1\",\"kmsType\":\"local-kms\",\"kmsKeyId\":\"key1\","
            + "\"kmsProps\":{\"b\":\"2\",\"secret\":\"s3\"},\"doc\":\"my kek\",\"shared\":true,"
            + "\"deleted\":false,\"type\":\"KEK\"}");
    assertThat(RecordCodec.value(new KekRecord("kek1", null))).isNull();
    assertThat(RecordCodec.value(new DekRecord("k", "s", DekFormat.AES128_GCM, 1, null))).isNull();
  }

  /** A value as Confluent's Jackson writes it, with the fields it adds (ts, offset) ignored. */
  @Test
  void readsConfluentsRecords() {
    byte[] key = "{\"tenant\":\"default\",\"name\":\"k1\",\"type\":\"KEK\"}".getBytes(UTF_8);
    byte[] value = ("{\"name\":\"k1\",\"kmsType\":\"aws-kms\",\"kmsKeyId\":\"arn:aws:kms:x\","
        + "\"kmsProps\":{},\"shared\":false,\"deleted\":true,\"type\":\"KEK\",\"offset\":3,"
        + "\"ts\":1700000000000}").getBytes(UTF_8);
    assertThat(RecordCodec.decode(key, value)).contains(new KekRecord("k1",
        new KekValue("aws-kms", "arn:aws:kms:x", new TreeMap<>(), null, false, true)));
    assertThat(RecordCodec.decode(key, null)).contains(new KekRecord("k1", null));

    byte[] dekKey = ("{\"tenant\":\"default\",\"kekName\":\"k1\",\"subject\":\"t-value\","
        + "\"algorithm\":\"AES256_GCM\",\"version\":1,\"type\":\"DEK\"}").getBytes(UTF_8);
    byte[] dekValue = ("{\"kekName\":\"k1\",\"subject\":\"t-value\",\"algorithm\":\"AES256_GCM\","
        + "\"version\":1,\"encryptedKeyMaterial\":\"AAEC\",\"deleted\":false,\"type\":\"DEK\","
        + "\"ts\":1}").getBytes(UTF_8);
    assertThat(RecordCodec.decode(dekKey, dekValue)).contains(new DekRecord("k1", "t-value",
        DekFormat.AES256_GCM, 1, new DekValue("AAEC", false)));
    assertThat(RecordCodec.decode(dekKey, null))
        .contains(new DekRecord("k1", "t-value", DekFormat.AES256_GCM, 1, null));
  }

  @Test
  void roundTrips() {
    for (RegistryRecord record : new RegistryRecord[] {new KekRecord("k", KEK),
        new KekRecord("k", KEK.withDeleted(true)),
        new DekRecord("k", ":.ctx:s", DekFormat.AES128_GCM, 7, new DekValue("xyz", true))}) {
      assertThat(RecordCodec.decode(RecordCodec.key(record), RecordCodec.value(record)))
          .contains(record);
    }
  }

  /** Confluent Cloud's tenants are not this registry's: their keys are skipped, not misread. */
  @Test
  void anotherTenantsKeysAreSkipped() {
    byte[] key = "{\"tenant\":\"lsrc-1\",\"name\":\"k1\",\"type\":\"KEK\"}".getBytes(UTF_8);
    assertThat(RecordCodec.decode(key, null)).isEmpty();
  }

  @Test
  void badRecordsSayWhat() {
    byte[] dekKey = ("{\"tenant\":\"default\",\"kekName\":\"k1\",\"subject\":\"s\","
        + "\"algorithm\":\"ROT13\",\"version\":1,\"type\":\"DEK\"}").getBytes(UTF_8);
    assertThatThrownBy(() -> RecordCodec.decode(dekKey, null))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("ROT13");
    byte[] kekKey = "{\"tenant\":\"default\",\"name\":\"k1\",\"type\":\"KEK\"}".getBytes(UTF_8);
    assertThatThrownBy(() -> RecordCodec.decode(kekKey, "{\"kmsType\":\"x\"}".getBytes(UTF_8)))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("kmsKeyId");
  }
}
