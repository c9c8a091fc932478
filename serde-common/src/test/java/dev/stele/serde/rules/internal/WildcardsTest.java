package dev.stele.serde.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metadata tag paths, matched as Confluent matches them. */
class WildcardsTest {
  @ParameterizedTest(name = "{0} against {1}: {2}")
  @CsvSource({
      "eve, eve*, true",
      "alice.bob.eve, a*.bob.eve, true",
      "alice.bob.eve, a*.bob.e*, true",
      "alice.bob.eve, a*, false",
      "alice.bob.eve, a**, true",
      "alice.bob.eve, alice.bob*, false",
      "alice.bob.eve, alice.bob**, true",
      "school.Student.ssn, school.Student.ssn, true",
      "school.Student.ssn, **.ssn, true",
      "school.Student.ssn, school.**.*, true",
      "school.Student.ssn, school.Student.ss?, true",
      "school.Student.ssn, school.Student.s?, false",
      "schoolXStudent.ssn, school.Student.ssn, false",
      "$.address.zip, $.address.zip, true",
      "$.list[0].x, $.list[0].x, true",
      "a+b, a+b, true",
  })
  void matches(String name, String pattern, boolean expected) {
    assertThat(Wildcards.matches(name, pattern)).isEqualTo(expected);
  }
}
