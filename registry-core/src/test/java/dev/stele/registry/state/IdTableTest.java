package dev.stele.registry.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdTableTest {
  private final IdTable<String> table = new IdTable<>();

  @Test
  void holdsValuesByIdAcrossPages() {
    for (int id = 1; id <= 1000; id++) {
      table.put(id, "s" + id);
    }
    assertThat(table.get(1)).isEqualTo("s1");
    assertThat(table.get(64)).isEqualTo("s64");
    assertThat(table.get(1000)).isEqualTo("s1000");
    assertThat(table.get(0)).isNull();
    assertThat(table.get(1001)).isNull();
    assertThat(table.get(1_000_000)).isNull();
  }

  @Test
  void aBuilderFillsPagesInAnyOrderAndItsTableChangesByCopiesAfterwards() {
    IdTable.Builder<String> builder = new IdTable.Builder<>();
    for (int id = 5_000; id >= 1; id -= 3) {
      builder.put(id, "s" + id);
    }
    builder.put(IdTable.PAGED_IDS + 5, "far");
    assertThat(builder.get(4_997)).isEqualTo("s4997");
    IdTable<String> built = builder.build();
    assertThat(built.get(5_000)).isEqualTo("s5000");
    assertThat(built.get(2)).isEqualTo("s2");
    assertThat(built.get(3)).isNull();
    assertThat(built.get(IdTable.PAGED_IDS + 5)).isEqualTo("far");
    IdTable<String> copy = built.copy();
    built.put(2, "changed");
    assertThat(copy.get(2)).as("a copy shares pages that are never changed").isEqualTo("s2");
    assertThat(built.get(2)).isEqualTo("changed");
  }

  @Test
  void removesWithNull() {
    table.put(5, "five");
    table.put(5, null);
    table.put(7_000, null);
    assertThat(table.get(5)).isNull();
    assertThat(table.get(7_000)).isNull();
  }

  @Test
  void idsOutsideThePagedRangeWork() {
    // IMPORT may bring any id; far ones must not make the directory huge.
    table.put(Integer.MAX_VALUE, "max");
    table.put(IdTable.PAGED_IDS, "first far");
    table.put(-3, "negative");
    table.put(IdTable.PAGED_IDS - 1, "last paged");
    assertThat(table.get(Integer.MAX_VALUE)).isEqualTo("max");
    assertThat(table.get(IdTable.PAGED_IDS)).isEqualTo("first far");
    assertThat(table.get(-3)).isEqualTo("negative");
    assertThat(table.get(IdTable.PAGED_IDS - 1)).isEqualTo("last paged");
    table.put(Integer.MAX_VALUE, null);
    assertThat(table.get(Integer.MAX_VALUE)).isNull();
  }

  @Test
  void aCopyAndItsOriginalChangeApart() {
    table.put(1, "one");
    table.put(2, "two");
    IdTable<String> copy = table.copy();
    copy.put(1, "uno");
    copy.put(3, "tres");
    table.put(2, null);
    table.put(500, "five hundred");
    assertThat(table.get(1)).isEqualTo("one");
    assertThat(table.get(3)).isNull();
    assertThat(copy.get(2)).isEqualTo("two");
    assertThat(copy.get(500)).isNull();
    assertThat(copy.get(1)).isEqualTo("uno");
  }

  @Test
  void visitsEveryValueWithItsId() {
    table.put(3, "c");
    table.put(1, "a");
    table.put(700, "z");
    table.put(Integer.MAX_VALUE, "far");
    List<String> seen = new ArrayList<>();
    table.forEach((value, id) -> seen.add(id + "=" + value));
    assertThat(seen).containsExactly("1=a", "3=c", "700=z", Integer.MAX_VALUE + "=far");
  }
}
