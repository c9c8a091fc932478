package dev.stele.registry.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.StoredSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTableTest {
  private final ContentTable table = new ContentTable();

  private static SchemaContent content(int n) {
    String text = "{\"type\":\"fixed\",\"name\":\"F" + n + "\",\"size\":" + n + "}";
    return new SchemaContent("AVRO", text, List.of(), null, null);
  }

  @Test
  void findsEachSchemaByItsContentAcrossResizes() {
    for (int n = 1; n <= 5_000; n++) {
      assertThat(table.put(content(n).withId(n))).isNull();
    }
    for (int n = 1; n <= 5_000; n++) {
      assertThat(table.get(content(n))).isEqualTo(new StoredSchema(n, content(n)));
    }
    assertThat(table.get(content(5_001))).isNull();
  }

  @Test
  void aTableBuiltWholeFindsEachSchemaTheLaterTwinWinsAndItGrowsOnAfterwards() {
    StoredSchema[] schemas = new StoredSchema[3_001];
    for (int n = 1; n <= 3_000; n++) {
      schemas[n - 1] = content(n).withId(n);
    }
    schemas[3_000] = content(7).withId(7_007); // an IMPORT twin, after the id it replaces
    ContentTable built = ContentTable.of(schemas, schemas.length);
    assertThat(built.size()).isEqualTo(3_000);
    for (int n = 1; n <= 3_000; n++) {
      assertThat(built.get(content(n)).id()).isEqualTo(n == 7 ? 7_007 : n);
    }
    for (int n = 3_001; n <= 6_000; n++) {
      assertThat(built.put(content(n).withId(n))).isNull();
    }
    assertThat(built.get(content(5_999)).id()).isEqualTo(5_999);
    assertThat(built.get(content(6_001))).isNull();
  }

  @Test
  void anEqualContentReplacesItsTwinAndReturnsIt() {
    StoredSchema first = content(1).withId(1);
    table.put(first);
    assertThat(table.put(content(1).withId(9))).isEqualTo(first);
    assertThat(table.get(content(1)).id()).isEqualTo(9);
  }

  @Test
  void removesOnlyTheVerySchemaItHolds() {
    table.put(content(1).withId(9));
    assertThat(table.remove(content(1).withId(1))).isFalse();
    assertThat(table.get(content(1)).id()).isEqualTo(9);
    assertThat(table.remove(content(1).withId(9))).isTrue();
    assertThat(table.get(content(1))).isNull();
    assertThat(table.remove(content(1).withId(9))).isFalse();
  }

  @Test
  void probesPastRemovedEntriesAndReusesTheirSlots() {
    for (int n = 1; n <= 40; n++) {
      table.put(content(n).withId(n));
    }
    for (int n = 1; n <= 40; n += 2) {
      table.remove(content(n).withId(n));
    }
    for (int n = 2; n <= 40; n += 2) {
      assertThat(table.get(content(n))).isNotNull();
    }
    // Churn far more entries through than the table holds at once: tombstones must not fill it.
    for (int n = 1_000; n < 21_000; n++) {
      table.put(content(n).withId(n));
      table.remove(content(n).withId(n));
    }
    for (int n = 2; n <= 40; n += 2) {
      assertThat(table.get(content(n)).id()).isEqualTo(n);
    }
    assertThat(table.get(content(1_500))).isNull();
  }

  @Test
  void aCopyAndItsOriginalChangeApart() {
    table.put(content(1).withId(1));
    ContentTable copy = table.copy();
    copy.put(content(2).withId(2));
    table.remove(content(1).withId(1));
    for (int n = 3; n < 200; n++) {
      table.put(content(n).withId(n));
    }
    assertThat(copy.get(content(1))).isNotNull();
    assertThat(copy.get(content(3))).isNull();
    assertThat(table.get(content(1))).isNull();
    assertThat(table.get(content(2))).isNull();
    assertThat(table.get(content(199))).isNotNull();
  }
}
