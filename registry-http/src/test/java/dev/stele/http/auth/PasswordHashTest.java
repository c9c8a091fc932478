package dev.stele.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
  @Test
  void aHashMatchesItsPasswordOnly() {
    String encoded = PasswordHash.hash("s3cret".toCharArray(), 1000);
    PasswordHash hash = PasswordHash.parse(encoded);
    assertThat(hash.matches("s3cret".toCharArray())).isTrue();
    assertThat(hash.matches("s3cret ".toCharArray())).isFalse();
    assertThat(hash.matches("S3cret".toCharArray())).isFalse();
    assertThat(hash.matches(new char[0])).isFalse();
  }

  @Test
  void theEncodingNamesAlgorithmIterationsSaltAndHash() {
    String encoded = PasswordHash.hash("pw".toCharArray(), 1234);
    assertThat(encoded).matches("\\$pbkdf2-sha256\\$i=1234\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(PasswordHash.parse(encoded).iterations()).isEqualTo(1234);
    assertThat(PasswordHash.parse(encoded).encode()).isEqualTo(encoded);
  }

  @Test
  void everyHashHasItsOwnSalt() {
    String first = PasswordHash.hash("same".toCharArray(), 1000);
    String second = PasswordHash.hash("same".toCharArray(), 1000);
    assertThat(first).isNotEqualTo(second);
    assertThat(PasswordHash.parse(second).matches("same".toCharArray())).isTrue();
  }

  @Test
  void aKnownVectorStillMatches() {
    // Computed independently with Python's hashlib.pbkdf2_hmac: the encoding is the standard
    // derivation, and old files keep working if the code changes.
    String encoded = "$pbkdf2-sha256$i=1000$c3RlbGUtdGVzdC1zYWx0$"
        + "Kwke6rLYsWdUmCRIYgggM4d7j2Mr/OrAF6UpYS/MOY4";
    PasswordHash hash = PasswordHash.parse(encoded);
    assertThat(hash.matches("password".toCharArray()))
        .as("PBKDF2-HMAC-SHA256(password, 'stele-test-salt', 1000)").isTrue();
  }

  @Test
  void malformedHashesAreRefusedWithAReason() {
    for (String bad : new String[] {"", "plain", "$pbkdf2-sha1$i=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$pbkdf2-sha256$1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$pbkdf2-sha256$i=x$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$pbkdf2-sha256$i=0$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$pbkdf2-sha256$i=1000$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
        "$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$!!!"}) {
      assertThatThrownBy(() -> PasswordHash.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hash");
    }
  }

  @Test
  void iterationCountsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> PasswordHash.hash("pw".toCharArray(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
