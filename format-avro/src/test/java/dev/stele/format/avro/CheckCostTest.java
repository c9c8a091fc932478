package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.schema.CommonKind;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormat.Roles;
import dev.stele.schema.SchemaSource;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CheckCostTest {
  /** A record whose one field is a union of {@code n} fixed types named prefix0, prefix1, ... */
  private static String unionOfFixed(String prefix, int n) {
    StringBuilder b = new StringBuilder(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"type\":\"fixed\",\"name\":\"").append(prefix).append(i)
          .append("\",\"size\":4}");
    }
    return b.append("]}]}").toString();
  }

  /**
   * A record whose one field is a union of {@code n} records named prefix0, ... of one field,
   * of type {@code fieldType}: flat (an int) or not (a union).
   */
  private static String unionOfRecords(String prefix, int n, String fieldType) {
    return unionOfFixed(prefix, n).replace("\"type\":\"fixed\"", "\"type\":\"record\"")
        .replace("\"size\":4", "\"fields\":[{\"name\":\"x\",\"type\":" + fieldType + "}]");
  }

  private static String unionOfRecords(String prefix, int n) {
    return unionOfRecords(prefix, n, "[\"null\",\"int\"]");
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  @Test
  void aUnionReadingItselfCountsEachWriterBranchUpToItsOwnPlace() {
    // The record pair, the union pair, then for writer branch i: the branch against the union
    // and the reader's branches 0..i, where branch i is the same fixed and ends the search.
    Schema union = parse(unionOfFixed("F", 100));
    long pairs = 2 + 100 + 100 * 101 / 2;
    assertThat(CheckCost.within(union, parse(unionOfFixed("F", 100)), pairs)).isTrue();
    assertThat(CheckCost.within(union, parse(unionOfFixed("F", 100)), pairs - 1)).isFalse();
  }

  @Test
  void aUnionWithNoMatchingBranchCountsEveryPair() {
    long pairs = 2 + 100 + 100 * 100;
    Schema reader = parse(unionOfFixed("F", 100));
    assertThat(CheckCost.within(reader, parse(unionOfFixed("G", 100)), pairs)).isTrue();
    assertThat(CheckCost.within(reader, parse(unionOfFixed("G", 100)), pairs - 1)).isFalse();
  }

  @Test
  void recursiveAndSharedRecordsAreEnteredOncePerPair() {
    Schema list = parse("{\"type\":\"record\",\"name\":\"Node\",\"fields\":["
        + "{\"name\":\"next\",\"type\":[\"null\",\"Node\"]},{\"name\":\"v\",\"type\":\"int\"}]}");
    assertThat(CheckCost.within(list, parse(list.toString()), 20)).isTrue();

    // Fifty fields of one record type of fifty fields: 1 + 50 * (1 + 50) if each use were
    // walked, but the inner pair is entered once: 1 + 50 + 50 = 101.
    StringBuilder inner = new StringBuilder("{\"type\":\"record\",\"name\":\"In\",\"fields\":[");
    StringBuilder outer = new StringBuilder("{\"type\":\"record\",\"name\":\"Out\",\"fields\":[");
    for (int i = 0; i < 50; i++) {
      inner.append(i == 0 ? "" : ",").append("{\"name\":\"i").append(i).append("\",\"type\":\"int\"}");
    }
    for (int i = 0; i < 50; i++) {
      outer.append(i == 0 ? "" : ",").append("{\"name\":\"o").append(i).append("\",\"type\":")
          .append(i == 0 ? inner + "]}" : "\"In\"").append('}');
    }
    String text = outer.append("]}").toString();
    assertThat(CheckCost.within(parse(text), parse(text), 101)).isTrue();
    assertThat(CheckCost.within(parse(text), parse(text), 100)).isFalse();
  }

  @Test
  void aCheckOverTheLimitIsReportedAsAbortedNamingTheSettingAndAvroIsNotRun() throws Exception {
    AvroFormat small = new AvroFormat(true, 1_000);
    // Records, unlike fixed and enums, are compared with every record branch of the other side.
    AvroSchema wide = small.parse(SchemaSource.of(unionOfRecords("F", 100)));
    AvroSchema narrowed = small.parse(SchemaSource.of(unionOfRecords("F", 50)));

    CompatibilityResult result = small.checkCanRead(narrowed, wide, Roles.NEW_READS_OLD);

    assertThat(result.incompatibilities()).singleElement().satisfies(found -> {
      assertThat(found.kind()).isEqualTo(CommonKind.COMPATIBILITY_CHECK_ABORTED);
      assertThat(found.message()).contains("more than 1000 comparisons")
          .contains(SchemaFormat.MAX_COMPARISONS_SETTING);
    });
    // Under the default limit, the same pair gets Avro's own verdict: the dropped branches.
    AvroFormat standard = new AvroFormat();
    List<?> missing = standard.checkCanRead(narrowed, wide, Roles.NEW_READS_OLD).incompatibilities();
    assertThat(missing).hasSize(50);
  }

  @Test
  void matchedByNameAUnionCountsOnlyTheBranchesOfItsTypeAndName() {
    // The record pair, the union pair, then for writer branch i the branch against the union
    // and the one reader branch of its name: two per writer branch instead of i + 2.
    Schema union = parse(unionOfFixed("F", 700));
    assertThat(CheckCost.withinMatched(union, parse(unionOfFixed("F", 700)), 2 + 1400)).isTrue();
    assertThat(CheckCost.withinMatched(union, parse(unionOfFixed("F", 700)), 1401)).isFalse();
    // No branch in common: one pair per writer branch, where Avro compares 490,000.
    assertThat(CheckCost.withinMatched(union, parse(unionOfFixed("G", 700)), 702)).isTrue();
    assertThat(CheckCost.withinMatched(union, parse(unionOfFixed("G", 700)), 701)).isFalse();
  }

  @Test
  void twoUnionsOfTheBranchLimitWithNothingInCommonGetAVerdictNotAnAbort() throws Exception {
    AvroFormat standard = new AvroFormat();
    AvroSchema reader = standard.parse(SchemaSource.of(unionOfFixed("F", 700)));
    AvroSchema writer = standard.parse(SchemaSource.of(unionOfFixed("G", 700)));

    List<Incompatibility> found =
        standard.checkCanRead(reader, writer, Roles.NEW_READS_OLD).incompatibilities();

    assertThat(found).hasSize(700).allSatisfy(each -> assertThat(each.kind())
        .isEqualTo(AvroIncompatibilityKind.MISSING_UNION_BRANCH));
    assertThat(found.get(699).location()).isEqualTo("/fields/0/type/699");
  }

  @Test
  void matchedByNameFlatRecordsCountLikeFixed() {
    Schema reader = parse(unionOfRecords("F", 700, "\"int\""));
    assertThat(CheckCost.withinMatched(reader, parse(unionOfRecords("G", 700, "\"int\"")), 702))
        .isTrue();
    assertThat(CheckCost.withinMatched(reader, parse(unionOfRecords("G", 700, "\"int\"")), 701))
        .isFalse();
  }

  @Test
  void matchedByNameUnionsOfRecordsStillCountEveryRecordPair() {
    // Avro walks the fields of a record of another name too, and what it remembers there can
    // change later answers (here through the union inside), so those pairs are still compared:
    // 700 x 700 is over the default.
    Schema reader = parse(unionOfRecords("F", 700));
    Schema writer = parse(unionOfRecords("G", 700));
    assertThat(CheckCost.withinMatched(reader, writer, SchemaFormat.DEFAULT_MAX_COMPARISONS))
        .isFalse();
  }

  @Test
  void theUnionOfTheBranchLimitComparedWithAnotherOfNoCommonBranchIsOverTheDefault() {
    // 700 is the registry's default branch limit (stele.schema.max.union.branches). Two such
    // unions with nothing in common would be 490,000 pairs, about 150 MB held by Avro.
    Schema reader = parse(unionOfFixed("F", 700));
    Schema writer = parse(unionOfFixed("G", 700));
    assertThat(CheckCost.within(reader, writer, SchemaFormat.DEFAULT_MAX_COMPARISONS)).isFalse();
  }

  @Test
  void aUnionOfTheBranchLimitEvolvesUnderTheDefault() {
    // What the default branch limit lets in can be evolved under the default budget: checked
    // against itself, with a branch added and with a branch removed, both ways.
    Schema limit = parse(unionOfFixed("F", 700));
    for (Schema next : List.of(parse(unionOfFixed("F", 700)), parse(unionOfFixed("F", 699)),
        parse(unionOfFixed("F", 701)))) {
      assertThat(CheckCost.within(next, limit, SchemaFormat.DEFAULT_MAX_COMPARISONS)).isTrue();
      assertThat(CheckCost.within(limit, next, SchemaFormat.DEFAULT_MAX_COMPARISONS)).isTrue();
    }
  }
}
