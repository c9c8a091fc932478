package dev.stele.serde.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lazy views the formats' plain values are made of: converted at each read, never ahead. */
class PlainViewsTest {
  @Test
  void smallNumbersWidenAndTheRestStays() {
    assertThat(PlainViews.widen(7)).isEqualTo(7L);
    assertThat(PlainViews.widen((short) 7)).isEqualTo(7L);
    assertThat(PlainViews.widen((byte) 7)).isEqualTo(7L);
    assertThat(PlainViews.widen(1.5f)).isEqualTo(1.5d);
    assertThat(PlainViews.widen("7")).isEqualTo("7");
    assertThat(PlainViews.widen(null)).isNull();
  }

  @Test
  void aListConvertsOnlyTheElementsRead() {
    List<Integer> read = new ArrayList<>();
    List<Object> list = PlainViews.list(3, index -> {
      read.add(index);
      return "item" + index;
    });
    assertThat(list).hasSize(3);
    assertThat(read).isEmpty();
    assertThat(list.get(2)).isEqualTo("item2");
    assertThat(read).containsExactly(2);
  }

  @Test
  void entriesFollowTheSourcesInOrderAsTheyAreRead() {
    List<String> read = new ArrayList<>();
    Set<Map.Entry<String, Object>> entries = PlainViews.entries(List.of("a", "b"), name -> {
      read.add(name);
      return new SimpleImmutableEntry<>(name, name.toUpperCase());
    });
    assertThat(entries).hasSize(2);
    assertThat(read).isEmpty();
    assertThat(entries).containsExactly(new SimpleImmutableEntry<>("a", "A"), new SimpleImmutableEntry<>("b", "B"));
    assertThat(read).containsExactly("a", "b");
  }
}
