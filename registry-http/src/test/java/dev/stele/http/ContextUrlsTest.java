package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextUrlsTest {

  @ParameterizedTest(name = "{0} ? {1} -> {2}")
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      "/contexts/.c/subjects | NONE | /subjects?subjectPrefix=%3A.c%3A",
      "/contexts/.c/subjects/ | deleted=true | /subjects/?deleted=true&subjectPrefix=%3A.c%3A",
      "/contexts/.c/subjects | subjectPrefix=a&deleted=true | /subjects?subjectPrefix=%3A.c%3Aa&deleted=true",
      "/contexts/.c/schemas | NONE | /schemas?subjectPrefix=%3A.c%3A",
      "/contexts/.c/subjects/a/versions/1 | NONE | /subjects/%3A.c%3Aa/versions/1",
      "/contexts/.c/subjects/%3A.o%3Aa/versions | NONE | /subjects/%3A.c%3A%3A.o%3Aa/versions",
      "/contexts/.c/subjects/a%2Fb/versions | normalize=true | /subjects/%3A.c%3Aa%2Fb/versions?normalize=true",
      "/contexts/c/subjects/a | NONE | /subjects/%3A.c%3Aa",
      "/contexts/.c/schemas/ids/7 | NONE | /schemas/ids/7?subject=%3A.c%3A",
      "/contexts/.c/schemas/ids/7/subjects | deleted=true | /schemas/ids/7/subjects?deleted=true&subject=%3A.c%3A",
      "/contexts/.c/schemas/types | NONE | /schemas/types",
      "/contexts/.c/config | NONE | /config/%3A.c%3A",
      "/contexts/.c/config/a | NONE | /config/%3A.c%3Aa",
      "/contexts/.c/mode | force=true | /mode/%3A.c%3A?force=true",
      "/contexts/.c/mode/a | NONE | /mode/%3A.c%3Aa",
      "/contexts/.c/compatibility/subjects/a/versions/latest | verbose=true | /compatibility/subjects/%3A.c%3Aa/versions/latest?verbose=true",
      "/contexts/./subjects/a/versions | NONE | /subjects/%3A.%3Aa/versions",
      "/contexts/.c/associations | NONE | NONE",
      "/contexts/.c/nope/a | NONE | NONE",
  })
  void rewritesToThePlainRoute(String path, String query, String expected) {
    assertThat(ContextUrls.rewrite(path, query)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/contexts/.bad:name/subjects", "/contexts/.bad%3Aname/subjects"})
  void colonsInContextNamesAre400(String path) {
    assertThatThrownBy(() -> ContextUrls.rewrite(path, null))
        .isInstanceOfSatisfying(EdgeException.class, e -> {
          assertThat(e.code()).isEqualTo(EdgeError.BAD_REQUEST);
          assertThat(e.getMessage()).isEqualTo("Context name cannot contain a colon");
        });
  }
}
