package dev.stele.serde.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class FramingTest {

  @Test
  void headerIsMagicZeroThenTheIdBigEndian() {
    byte[] out = new byte[5];
    Framing.writeHeader(out, 0x01020304);
    assertThat(out).containsExactly(0, 1, 2, 3, 4);
    Framing.writeHeader(out, 258);
    assertThat(out).containsExactly(0, 0, 0, 1, 2);
  }

  @Test
  void readsBackEveryIdIncludingTheLargest() {
    for (int id : new int[] {0, 1, 255, 256, 65_535, 1 << 24, Integer.MAX_VALUE}) {
      byte[] data = new byte[7];
      Framing.writeHeader(data, id);
      assertThat(Framing.readId("t", data)).isEqualTo(id);
    }
  }

  @Test
  void aWrongMagicByteNamesTheTopicAndTheByte() {
    assertThatThrownBy(() -> Framing.readId("orders", new byte[] {1, 0, 0, 0, 1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("'orders'").hasMessageContaining("unknown magic byte 1");
  }

  @Test
  void aTruncatedHeaderIsASerializationExceptionNotAnIndexError() {
    for (int length = 0; length < 5; length++) {
      byte[] data = new byte[length];
      assertThatThrownBy(() -> Framing.readId("orders", data))
          .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }
  }
}
