package dev.stele.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two kinds of refusal the Confluent registry words differently. */
class InvalidSchemaExceptionTest {

  @Test
  void textThatDoesNotParseIsNotAfterParsing() {
    InvalidSchemaException plain = new InvalidSchemaException("Invalid JSON x");
    assertThat(plain).hasMessage("Invalid JSON x").hasNoCause();
    assertThat(plain.isAfterParsing()).isFalse();

    IllegalStateException reason = new IllegalStateException("line 1");
    InvalidSchemaException withCause = new InvalidSchemaException("Invalid JSON x", reason);
    assertThat(withCause).hasMessage("Invalid JSON x").hasCause(reason);
    assertThat(withCause.isAfterParsing()).isFalse();
  }

  @Test
  void aSchemaThatParsedButFailedALaterCheckIsAfterParsing() {
    IllegalArgumentException reason = new IllegalArgumentException("unresolved type");
    InvalidSchemaException later = InvalidSchemaException.afterParsing("Invalid schema", reason);
    assertThat(later).hasMessage("Invalid schema").hasCause(reason);
    assertThat(later.isAfterParsing()).isTrue();
    assertThat(InvalidSchemaException.afterParsing("no cause", null).isAfterParsing()).isTrue();
  }
}
