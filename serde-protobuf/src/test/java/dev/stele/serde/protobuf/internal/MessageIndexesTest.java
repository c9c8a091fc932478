package dev.stele.serde.protobuf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIndexesTest {

  @Test
  void theFirstTopLevelMessageIsTheSingleByteZero() {
    assertThat(MessageIndexes.of(Timestamp.getDescriptor())).containsExactly(0);
    assertThat(MessageIndexes.encode(List.of(0))).containsExactly(0);
  }

  @Test
  void otherPathsAreAZigZagCountThenZigZagIndexes() {
    assertThat(MessageIndexes.encode(List.of(1))).containsExactly(2, 2);
    assertThat(MessageIndexes.encode(List.of(2, 0))).containsExactly(4, 4, 0);
    assertThat(MessageIndexes.encode(List.of(0, 70))).containsExactly(4, 0, 0x8c, 0x01);
    assertThat(MessageIndexes.of(DescriptorProtos.DescriptorProto.ExtensionRange.getDescriptor()))
        .containsExactly(2, 0);
  }

  @Test
  void decodingReadsWhatEncodingWrote() {
    for (List<Integer> path : List.of(List.of(0), List.of(3), List.of(2, 0), List.of(1, 2, 300))) {
      byte[] encoded = MessageIndexes.encode(path);
      byte[] data = new byte[encoded.length + 7];
      System.arraycopy(encoded, 0, data, 5, encoded.length);
      MessageIndexes.Read read = MessageIndexes.decode(data, 5);
      assertThat(read.indexes()).isEqualTo(path);
      assertThat(read.next()).isEqualTo(5 + encoded.length);
    }
  }

  @Test
  void malformedIndexesAreClearErrors() {
    assertThatThrownBy(() -> MessageIndexes.decode(new byte[] {0, 0, 0, 0, 0}, 5)).hasMessageContaining("end early");
    assertThatThrownBy(() -> MessageIndexes.decode(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
        (byte) 0xff, 1}, 0)).hasMessageContaining("longer than 5 bytes");
    assertThatThrownBy(() -> MessageIndexes.decode(new byte[] {40, 2}, 0)).hasMessageContaining("impossible");
    assertThatThrownBy(() -> MessageIndexes.decode(new byte[] {1}, 0)).hasMessageContaining("impossible");
    assertThatThrownBy(() -> MessageIndexes.resolve(Timestamp.getDescriptor().getFile(), List.of(3)))
        .hasMessageContaining("does not exist");
  }
}
