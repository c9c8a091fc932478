package dev.stele.serde.rules.cel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which checked expressions the fast path takes and which it leaves to dev.cel alone. */
class FastCompilerTest {
  private static final CelPrograms MESSAGES = CelPrograms.forMessages();
  private static final CelPrograms FIELDS = CelPrograms.forFields();

  @ParameterizedTest
  @ValueSource(strings = {"message.quantity > 0", "message.a.b == 'x' && has(message.c)", "!(message.ok)",
      "message.kind == 'student' ? message.class > 0 : true", "size(message.name) <= 10",
      "message.name.startsWith('A') || message.name.endsWith('z') || message.name.contains('q')",
      "message.country in ['NL', 'BE']", "message.email != null", "b'\\x01' == message.raw", "2.5 < message.price",
      "message.name.size() > 0", "null == null", "-1 < message.delta"})
  void takesTheSubset(String expression) throws Exception {
    assertThat(MESSAGES.compiled(expression).fast()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"message.quantity + 1 > 0", "message.quantity > 0u", "message.name.matches('^a')",
      "message.tags.exists(t, t == 'x')", "message.email.isEmail()", "message.x in message.list",
      "message.c in [message.a, 'b']", "int(message.d) > 1", "[1, 2] == [1, 2]", "{'a': 1}.a == 1",
      "message.name.lowerAscii() == 'a'", "duration('1s') > duration('0s')", "-message.delta < 0"})
  void leavesTheRestToDevCel(String expression) throws Exception {
    assertThat(MESSAGES.compiled(expression).fast()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"value == 'x'", "name == 'ssn' && typeName == 'STRING'", "size(tags) > 0",
      "fullName.endsWith('.ssn')", "'XXX'"})
  void readsEveryFieldVariable(String expression) throws Exception {
    assertThat(FIELDS.compiled(expression).fast()).isNotNull();
    Variables variables = Map.<String, Object>of("value", "x", "name", "ssn", "typeName", "STRING",
        "tags", java.util.List.of("PII"), "fullName", "r.ssn", "message", Map.of())::get;
    assertThat(FIELDS.evalFast(expression, variables)).isEqualTo(FIELDS.evalCel(expression, variables));
  }
}
