package dev.stele.registry.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.RegistryRecord.AssocRecord;
import dev.stele.registry.log.RegistryRecord.AssocValue;
import dev.stele.registry.model.Association;
import dev.stele.registry.model.Association.Lifecycle;
import org.junit.jupiter.api.Test;

/** Confluent 8.x's ASSOC records of the {@code _schemas} topic (../shared/API.md §3.2). */
class AssocRecordCodecTest {
  private static final Association.Key KEY =
      new Association.Key("orders", "lkc-1", "topic", "value", ":.lkc-1:orders-value");
  private static final AssocRecord STRONG = new AssocRecord(KEY,
      new AssocValue("9e9b1c1e-5f0a-4e5b-9d1a-0c1d2e3f4a5b", "topic-id-1", Lifecycle.STRONG, true,
          1700000000000L));

  @Test
  void theKeyIsConfluentsByteForByte() {
    assertThat(new String(RecordCodec.key(STRONG), UTF_8)).isEqualTo("{\"keytype\":\"ASSOC\","
        + "\"tenant\":\"default\",\"resourceName\":\"orders\",\"resourceNamespace\":\"lkc-1\","
        + "\"resourceType\":\"topic\",\"associationType\":\"value\","
        + "\"subject\":\":.lkc-1:orders-value\",\"magic\":0}");
    // A tombstone has the same key, so that compaction drops the association.
    assertThat(RecordCodec.key(new AssocRecord(KEY, null))).isEqualTo(RecordCodec.key(STRONG));
    assertThat(RecordCodec.value(new AssocRecord(KEY, null))).isNull();
  }

  @Test
  void aRecordComesBackAsItWasWritten() {
    assertThat(new String(RecordCodec.value(STRONG), UTF_8)).isEqualTo("{\"tenant\":\"default\","
        + "\"subject\":\":.lkc-1:orders-value\",\"guid\":\"9e9b1c1e-5f0a-4e5b-9d1a-0c1d2e3f4a5b\","
        + "\"resourceName\":\"orders\",\"resourceNamespace\":\"lkc-1\",\"resourceId\":\"topic-id-1\","
        + "\"resourceType\":\"topic\",\"associationType\":\"value\",\"lifecycle\":\"STRONG\","
        + "\"frozen\":true,\"createTs\":1700000000000}");
    assertThat(RecordCodec.decode(RecordCodec.key(STRONG), RecordCodec.value(STRONG))).contains(STRONG);
    assertThat(RecordCodec.decode(RecordCodec.key(STRONG), null))
        .contains(new AssocRecord(KEY, null));
  }

  @Test
  void aValueWithoutCreateTsOrWithFieldsOfALaterWriterIsRead() {
    String value = "{\"tenant\":\"default\",\"subject\":\"s\",\"guid\":\"g\",\"resourceName\":\"t\","
        + "\"resourceNamespace\":\"-\",\"resourceId\":\"id\",\"resourceType\":\"topic\","
        + "\"associationType\":\"key\",\"lifecycle\":\"WEAK\",\"frozen\":false,\"offset\":7}";
    String key = "{\"keytype\":\"ASSOC\",\"tenant\":\"default\",\"resourceName\":\"t\","
        + "\"resourceNamespace\":\"-\",\"resourceType\":\"topic\",\"associationType\":\"key\","
        + "\"subject\":\"s\",\"magic\":0}";
    assertThat(RecordCodec.decode(key.getBytes(UTF_8), value.getBytes(UTF_8))).contains(
        new AssocRecord(new Association.Key("t", "-", "topic", "key", "s"),
            new AssocValue("g", "id", Lifecycle.WEAK, false, 0L)));
  }

  @Test
  void anUnknownLifecycleOrAMissingKeyFieldIsRefused() {
    byte[] key = RecordCodec.key(STRONG);
    assertThatThrownBy(() -> RecordCodec.decode(key, "{\"guid\":\"g\",\"lifecycle\":\"SOFT\"}"
        .getBytes(UTF_8))).isInstanceOf(RecordFormatException.class)
        .hasMessageContaining("unknown lifecycle \"SOFT\"");
    assertThatThrownBy(() -> RecordCodec.decode(
        "{\"keytype\":\"ASSOC\",\"tenant\":\"default\",\"subject\":\"s\",\"magic\":0}".getBytes(UTF_8),
        null)).isInstanceOf(RecordFormatException.class).hasMessageContaining("resourceName");
  }
}
