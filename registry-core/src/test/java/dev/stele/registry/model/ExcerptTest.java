package dev.stele.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExcerptTest {
  @ParameterizedTest(name = "[{0}] max {1} -> [{2}]")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "NULL | 5 | NULL",
      "'' | 5 | ''",
      "abcde | 5 | abcde",
      "abcdef | 5 | abcde...(1 more character)",
      "abcdefghij | 3 | abc...(7 more characters)",
      // A surrogate pair is never split: the excerpt stops before it.
      "abcd\uD83D\uDE00xy | 5 | abcd...(4 more characters)",
  })
  void keepsTheStartAndCountsTheRest(String text, int max, String excerpt) {
    assertThat(Excerpt.of(text, max)).isEqualTo(excerpt);
  }

  @ParameterizedTest(name = "{0} characters")
  @CsvSource({"200, 200", "201, 221", "639000, 227"})
  void quotesAtMostTwoHundredCharacters(int length, int quotedLength) {
    assertThat(Excerpt.of("x".repeat(length))).hasSize(quotedLength).startsWith("x".repeat(Math.min(length, 200)));
  }
}
