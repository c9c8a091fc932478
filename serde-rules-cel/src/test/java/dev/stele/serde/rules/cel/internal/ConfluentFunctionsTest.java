package dev.stele.serde.rules.cel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Confluent's string checks, compiled and run as a rule's expression is: each with a value it
 * accepts and one it refuses (the pairs Confluent's own serde tests use, and edge cases).
 */
class ConfluentFunctionsTest {
  private static final CelPrograms PROGRAMS = CelPrograms.forMessages();

  private static Object eval(String function, String value) throws Exception {
    return PROGRAMS.eval("message.name." + function + "()", Map.of("message", Map.of("name", value)));
  }

  @ParameterizedTest(name = "{0}: ''{1}'' yes, ''{2}'' no")
  @CsvSource({
      "isEmail,    bob@confluent.com,                       bob.@confluent.com",
      "isEmail,    a.b+c@example.org,                       no-at-sign.example.org",
      "isHostname, localhost,                               local_host",
      "isHostname, kafka-1.example.com,                     -kafka.example.com",
      "isIpv4,     127.0.0.1,                               foo",
      "isIpv4,     10.0.0.255,                              256.1.1.1",
      "isIpv6,     2001:db8:85a3:0:0:8a2e:370:7334,         foo",
      "isIpv6,     ::1,                                     127.0.0.1",
      "isUri,      http://confluent.com/index.html,         foo",
      "isUriRef,   /index.html,                             ::foo",
      "isUuid,     fa02a430-892f-4160-97cd-6e3d1bc14494,    ::foo",
      "isUuid,     FA02A430-892F-4160-97CD-6E3D1BC14494,    fa02a430892f416097cd6e3d1bc14494",
  })
  void acceptsAndRefuses(String function, String yes, String no) throws Exception {
    assertThat(eval(function, yes)).isEqualTo(true);
    assertThat(eval(function, no)).isEqualTo(false);
  }

  @Test
  void aHostnameHasLabelsOfAtMost63Characters() throws Exception {
    assertThat(eval("isHostname", "a".repeat(63) + ".com")).isEqualTo(true);
    assertThat(eval("isHostname", "a".repeat(64) + ".com")).isEqualTo(false);
    assertThat(eval("isHostname", "")).isEqualTo(false);
  }

  @Test
  void theChecksAreMembersOfStringsOnly() {
    assertThatThrownBy(() -> PROGRAMS.eval("1.isEmail()", Map.of("message", Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not compile");
  }
}
