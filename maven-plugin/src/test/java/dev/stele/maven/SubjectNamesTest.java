package dev.stele.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Subjects spelt as XML element names and file names, as Confluent's plugin spells them. */
class SubjectNamesTest {
  @Test
  void elementNamesDecodeTheUnderscoreXEscapes() {
    assertThat(SubjectNames.decode("payments_x2Fcard-value")).isEqualTo("payments/card-value");
    assertThat(SubjectNames.decode("_x3A.ctx_x3Aorders")).isEqualTo(":.ctx:orders");
    assertThat(SubjectNames.decode("orders-value")).isEqualTo("orders-value");
    // "_x" without two hex digits after it is part of the name.
    assertThat(SubjectNames.decode("my_xenon")).isEqualTo("my_xenon");
  }

  @Test
  void fileNamesEncodeWhatAFileNameCannotHold() {
    assertThat(SubjectNames.encode("payments/card-value")).isEqualTo("payments_x2Fcard-value");
    assertThat(SubjectNames.decode(SubjectNames.encode(":.ctx:a b"))).isEqualTo(":.ctx:a b");
  }
}
