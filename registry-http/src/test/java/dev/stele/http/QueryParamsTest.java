package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spellings of ../shared/conformance scenario query-flags, subjects-list and schemas-list. */
class QueryParamsTest {

  @ParameterizedTest(name = "deleted={0} -> {1}")
  @CsvSource({"true,true", "TRUE,true", "True,true", "1,false", "yes,false", "false,false",
      "'',false", "on,false"})
  void flagIsTrueOnlyForTrueInAnyCase(String value, boolean expected) {
    assertThat(QueryParams.flag(params("deleted", value), "deleted")).isEqualTo(expected);
  }

  @Test
  void absentFlagIsFalse() {
    assertThat(QueryParams.flag(MultiMap.caseInsensitiveMultiMap(), "deleted")).isFalse();
  }

  @ParameterizedTest(name = "limit={0} -> {1}")
  @CsvSource({"2,2", "+1,1", "-1,-1", "0,0", "-3,-3", "'',-1", "'   ',-1", "2147483647,2147483647"})
  void integerIsValueOfTheTextOrTheDefaultWhenBlank(String value, int expected) {
    assertThat(QueryParams.integer(params("limit", value), "limit", -1)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "limit={0} -> 404")
  @ValueSource(strings = {"1.0", " 1", "1 ", "x", "2147483648", "0x10", "1e3"})
  void malformedIntegerIsAPlain404(String value) {
    assertThatThrownBy(() -> QueryParams.integer(params("limit", value), "limit", -1))
        .isInstanceOfSatisfying(EdgeException.class, e -> {
          assertThat(e.code()).isEqualTo(EdgeError.NOT_FOUND);
          assertThat(e.getMessage()).isEqualTo("HTTP 404 Not Found");
        });
  }

  @Test
  void firstOfRepeatedValuesCounts() {
    MultiMap params = MultiMap.caseInsensitiveMultiMap().add("offset", "0").add("offset", "5");
    assertThat(QueryParams.integer(params, "offset", 9)).isZero();
  }

  @Test
  void absentIntegerIsTheDefault() {
    assertThat(QueryParams.integer(MultiMap.caseInsensitiveMultiMap(), "offset", 7)).isEqualTo(7);
  }

  @Test
  void textIsTheFirstValueOrNull() {
    assertThat(QueryParams.text(params("subject", "a"), "subject")).isEqualTo("a");
    assertThat(QueryParams.text(MultiMap.caseInsensitiveMultiMap(), "subject")).isNull();
    assertThat(QueryParams.text(MultiMap.caseInsensitiveMultiMap(), "subject", "d")).isEqualTo("d");
  }

  private static MultiMap params(String name, String value) {
    return MultiMap.caseInsensitiveMultiMap().add(name, value);
  }
}
