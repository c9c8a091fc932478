package dev.stele.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MetadataTest {
  private static Metadata metadata(Map<String, String> properties, String tagPath, String tag,
      String sensitive) {
    TreeMap<String, SortedSet<String>> tags = new TreeMap<>();
    if (tagPath != null) {
      tags.put(tagPath, new TreeSet<>(java.util.List.of(tag)));
    }
    TreeSet<String> names = new TreeSet<>();
    if (sensitive != null) {
      names.add(sensitive);
    }
    return new Metadata(tags, new TreeMap<>(properties), names);
  }

  @Test
  void mergeLaysTheSecondOverTheFirst() {
    Metadata base = metadata(Map.of("d", "1", "o", "2"), "f", "PII", "d");
    Metadata over = metadata(Map.of("o", "1"), "f", "PUBLIC", "o");
    Metadata merged = Metadata.merge(base, over);
    assertThat(merged.properties()).containsExactly(Map.entry("d", "1"), Map.entry("o", "1"));
    assertThat(merged.tags().get("f")).containsExactly("PUBLIC");
    assertThat(merged.sensitive()).containsExactly("d", "o");
  }

  @Test
  void mergeWithAbsentSidesKeepsThePresentOne() {
    Metadata one = Metadata.ofProperties(Map.of("a", "b"));
    assertThat(Metadata.merge(null, one)).isSameAs(one);
    assertThat(Metadata.merge(one, null)).isSameAs(one);
    assertThat(Metadata.merge(null, null)).isNull();
  }

  @Test
  void propertiesChangeByCopy() {
    Metadata one = Metadata.ofProperties(Map.of("a", "b"));
    Metadata versioned = one.withProperty(Metadata.CONFLUENT_VERSION, "3");
    assertThat(one.property(Metadata.CONFLUENT_VERSION)).isNull();
    assertThat(versioned.property(Metadata.CONFLUENT_VERSION)).isEqualTo("3");
    assertThat(versioned.withoutProperty(Metadata.CONFLUENT_VERSION)).isEqualTo(one);
    assertThat(one.withoutProperty("zz")).isSameAs(one);
  }

  @Test
  void hasPropertiesNeedsEveryPairWithItsValue() {
    Metadata m = Metadata.ofProperties(Map.of("a", "1", "b", "3"));
    assertThat(m.hasProperties(Map.of())).isTrue();
    assertThat(m.hasProperties(Map.of("a", "1"))).isTrue();
    assertThat(m.hasProperties(Map.of("a", "1", "b", "3"))).isTrue();
    assertThat(m.hasProperties(Map.of("a", "1", "b", "2"))).isFalse();
    assertThat(m.hasProperties(Map.of("c", "1"))).isFalse();
  }

  @Test
  void emptyMeansNoPart() {
    assertThat(Metadata.EMPTY.isEmpty()).isTrue();
    assertThat(new Metadata(null, new TreeMap<>(), null)).isEqualTo(Metadata.EMPTY);
    assertThat(Metadata.ofProperties(Map.of("a", "b")).isEmpty()).isFalse();
  }
}
