package dev.stele.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompactTextTest {
  /** The compact form of another String instance with the same text. */
  private static CompactText fresh(String text) {
    return CompactText.of(new String(text.toCharArray()));
  }

  static List<String> texts() {
    StringBuilder record = new StringBuilder("{\"type\":\"record\",\"name\":\"Order\",\"fields\":[");
    for (int i = 0; i < 40; i++) {
      record.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i)
          .append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
    }
    record.append("]}");
    return List.of(
        "",
        "\"string\"",
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}",
        record.toString(),
        // Non-Latin-1 text: UTF-8 bytes, not chars, are what is held and measured.
        "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"数据 ☃ naïve — " + "é".repeat(80)
            + "\",\"fields\":[]}",
        "syntax = \"proto3\";\nmessage Order {\n  string id = 1;\n  int64 created = 2;\n"
            + "  repeated string tags = 3;\n}\n",
        "x".repeat(100_000));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void givesBackTheTextItWasMadeOf(String text) {
    CompactText compact = fresh(text);
    assertThat(compact.toString()).isEqualTo(text);
    assertThat(compact.length()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    assertThat(compact.hashCode()).isEqualTo(text.hashCode());
  }

  @ParameterizedTest
  @MethodSource("texts")
  void equalTextsAreEqualWhetherMadeNowOrEarlier(String text) {
    CompactText first = fresh(text);
    // Fill every RecentTexts slot with other texts, so the second one is deflated afresh.
    for (int i = 0; i < 1000; i++) {
      CompactText.of("{\"type\":\"fixed\",\"name\":\"F" + i + "\",\"size\":" + i
          + ",\"doc\":\"padding to deflate\"}");
    }
    CompactText second = fresh(text);
    assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
    assertThat(second.compactSize()).isEqualTo(first.compactSize());
  }

  @Test
  void differentTextsAreNotEqual() {
    String fields = "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
    CompactText a = fresh("{\"type\":\"record\",\"name\":\"A" + fields);
    CompactText b = fresh("{\"type\":\"record\",\"name\":\"B" + fields);
    assertThat(a).isNotEqualTo(b);
    assertThat(fresh("\"string\"")).isNotEqualTo(fresh("\"int\""));
  }

  @Test
  void theHashIsTheStringHashSoItIsStableAcrossRuns() {
    // String.hashCode is specified, so this value never changes: maps keyed by contents iterate
    // the same way in every run.
    assertThat(fresh("\"string\"").hashCode()).isEqualTo(1_539_217_359);
  }

  @Test
  void shortTextsAreKeptAsTheyAreAndLongOnesDeflated() {
    CompactText tiny = fresh("\"string\"");
    assertThat(tiny.isDeflated()).isFalse();
    assertThat(tiny.compactSize()).isEqualTo(8);

    String schema = texts().get(3);
    CompactText record = fresh(schema);
    assertThat(record.isDeflated()).isTrue();
    assertThat(record.compactSize()).isLessThan(schema.length() / 4);
  }

  @Test
  void textThatDoesNotShrinkIsKeptAsIs() {
    // Random-looking text deflates to about its own size: not worth an inflate per read.
    StringBuilder noise = new StringBuilder();
    long x = 42;
    for (int i = 0; i < 300; i++) {
      x = x * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
      noise.append((char) ('!' + (int) ((x >>> 33) % 90)));
    }
    CompactText compact = fresh(noise.toString());
    assertThat(compact.isDeflated()).isFalse();
    assertThat(compact.toString()).isEqualTo(noise.toString());
  }

  @Test
  void aTextCompactedMomentsAgoIsTheSameInstance() {
    String text = texts().get(3);
    assertThat(CompactText.of(text)).isSameAs(CompactText.of(new String(text.toCharArray())));
  }
}
