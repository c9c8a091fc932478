package dev.stele.registry.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.format.avro.AvroFormat;
import dev.stele.registry.model.StoredSchema;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedCacheTest {
  /** The cache never looks into what it holds, so one parsed schema serves for every entry. */
  private static final ParsedSchema PARSED = parse();

  private static ParsedSchema parse() {
    try {
      return new AvroFormat(false).parse(SchemaSource.of("\"string\""));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A stored schema of about {@code size} characters. */
  private static StoredSchema stored(int id, int size) {
    String doc = "d".repeat(Math.max(0, size - 60));
    return new StoredSchema(id, "AVRO", "{\"type\":\"record\",\"name\":\"R" + id + "\",\"doc\":\"" + doc
        + "\",\"fields\":[]}", List.of(), null, null);
  }

  @Test
  void staysWithinItsBudget() {
    long budget = 10 * ParsedCache.weight(stored(1, 1000));
    ParsedCache cache = new ParsedCache(budget);
    for (int id = 1; id <= 100; id++) {
      cache.put(stored(id, 1000), PARSED);
      assertThat(cache.weight()).isLessThanOrEqualTo(budget);
    }
    assertThat(cache.size()).isBetween(9, 10);
  }

  @Test
  void clearDropsEverythingAndTheCacheFillsAgain() {
    ParsedCache cache = new ParsedCache(10 * ParsedCache.weight(stored(1, 1000)));
    for (int id = 1; id <= 5; id++) {
      cache.put(stored(id, 1000), PARSED);
    }
    cache.clear();
    assertThat(cache.size()).isZero();
    assertThat(cache.weight()).isZero();
    assertThat(cache.get(stored(1, 1000))).isNull();
    cache.put(stored(7, 1000), PARSED);
    assertThat(cache.get(stored(7, 1000))).isSameAs(PARSED);
    assertThat(cache.weight()).isEqualTo(ParsedCache.weight(stored(7, 1000)));
  }

  @Test
  void keepsTheSchemaJustAdded() {
    ParsedCache cache = new ParsedCache(5 * ParsedCache.weight(stored(1, 1000)));
    for (int id = 1; id <= 50; id++) {
      StoredSchema schema = stored(id, 1000);
      cache.put(schema, PARSED);
      assertThat(cache.get(schema)).isSameAs(PARSED);
    }
  }

  @Test
  void weighsByTextSoFewLargeSchemasFillItAsManySmallOnesDo() {
    ParsedCache cache = new ParsedCache(100 * ParsedCache.weight(stored(1, 1000)));
    for (int id = 1; id <= 100; id++) {
      cache.put(stored(id, 50_000), PARSED);
    }
    assertThat(cache.size()).isBetween(1, 2);
  }

  @Test
  void aSchemaHeavierThanTheWholeBudgetIsNotKept() {
    ParsedCache cache = new ParsedCache(ParsedCache.weight(stored(1, 1000)));
    cache.put(stored(1, 5000), PARSED);
    assertThat(cache.size()).isZero();
    assertThat(cache.weight()).isZero();
  }

  /** One pass of a check over versions {@code from..to}: parsed on a miss; returns the hits. */
  private static int check(ParsedCache cache, int from, int to) {
    int hits = 0;
    for (int id = from; id <= to; id++) {
      StoredSchema schema = stored(id, 1000);
      if (cache.get(schema) != null) {
        hits++;
      } else {
        cache.put(schema, PARSED);
      }
    }
    return hits;
  }

  @Test
  void theVersionsOfTheSubjectCheckedNowDisplaceThoseOfAnEarlierOne() {
    // Room for one subject's 400 versions, not for two.
    ParsedCache cache = new ParsedCache(500 * ParsedCache.weight(stored(1, 1000)));
    check(cache, 1, 400);
    assertThat(check(cache, 1, 400)).isEqualTo(400);
    check(cache, 1001, 1400);
    check(cache, 1001, 1400);
    assertThat(check(cache, 1001, 1400)).isEqualTo(400);
  }

  @Test
  void halfOfA128MbHeapHoldsAThousandVersionsOfOneKilobyte() {
    // A FULL_TRANSITIVE check of 1,000 versions: each parsed once, then all hits.
    ParsedCache cache = new ParsedCache((128L << 20) / 2);
    for (int id = 1; id <= 1000; id++) {
      cache.put(stored(id, 1056), PARSED);
    }
    assertThat(cache.size()).isEqualTo(1000);
  }

  @Test
  void theSameSchemaIsCountedOnce() {
    ParsedCache cache = new ParsedCache(10 * ParsedCache.weight(stored(1, 1000)));
    cache.put(stored(1, 1000), PARSED);
    cache.put(stored(1, 1000), PARSED);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.weight()).isEqualTo(ParsedCache.weight(stored(1, 1000)));
  }
}
