package dev.stele.serde.rules.cel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What CelPrograms keeps per rule text: the guard split, and one compiled form for both evaluators. */
class CelProgramsTest {
  private final CelPrograms programs = CelPrograms.forMessages();

  @Test
  void splitsAGuardOncePerTextAndSettingAndKeepsTheSettingsApart() {
    String text = "message.kind == 'a'; message.n > 0";
    Guarded split = programs.guarded(text, false);
    Guarded whole = programs.guarded(text, true);

    assertThat(split).isEqualTo(new Guarded("message.kind == 'a'", " message.n > 0"));
    assertThat(whole).isEqualTo(new Guarded(null, text));
    assertThat(programs.guarded(text, false)).isSameAs(split);
    assertThat(programs.guarded(text, true)).isSameAs(whole);
  }

  @Test
  void theFastPathAndDevCelAgreeAndAnErrorIsDevCels() throws Exception {
    Map<String, Object> message = Map.of("message", CelValues.toCel(Map.of("n", 3L)));
    Variables variables = message::get;

    assertThat(programs.evalFast("message.n > 2", variables)).isEqualTo(true);
    assertThat(programs.eval("message.n > 2", message)).isEqualTo(programs.evalCel("message.n > 2", variables));
    assertThat(programs.evalFast("message.missing > 2", variables)).isSameAs(FastExpr.UNSURE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> programs.eval("message.missing > 2", message))
        .hasMessageContaining("missing");
  }
}
