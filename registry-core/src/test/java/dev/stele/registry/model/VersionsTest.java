package dev.stele.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"latest|-1", "LATEST|-1", "Latest|-1", "-1|-1", "1|1", "01|1", "+1|1",
      "'1 '|1", "2147483647|2147483647"})
  void validVersions(String text, int expected) {
    assertThat(Versions.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-2", "abc", "1.0", "2147483648", "99999999999", " ", ""})
  void invalidVersions(String text) {
    assertThatThrownBy(() -> Versions.parse(text))
        .isInstanceOf(RegistryException.class)
        .hasMessage("The specified version '" + text + "' is not a valid version id. Allowed values are between"
            + " [1, 2^31-1] and the string \"latest\"");
  }
}
