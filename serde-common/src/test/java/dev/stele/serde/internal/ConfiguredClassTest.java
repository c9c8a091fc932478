package dev.stele.serde.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfiguredClassTest {
  private static final String KEY = "json.value.type";

  @Test
  void aClassOrAClassNameIsTakenOverTheFallback() {
    assertThat(ConfiguredClass.load(Map.of(KEY, StringBuilder.class), KEY, Integer.class))
        .isEqualTo(StringBuilder.class);
    assertThat(ConfiguredClass.load(Map.of(KEY, " java.lang.StringBuilder "), KEY, Integer.class))
        .isEqualTo(StringBuilder.class);
  }

  @Test
  void withoutTheKeyOrWithABlankNameTheFallbackStays() {
    assertThat(ConfiguredClass.load(Map.of(), KEY, Integer.class)).isEqualTo(Integer.class);
    assertThat(ConfiguredClass.load(Map.of(KEY, " "), KEY, Integer.class)).isEqualTo(Integer.class);
    assertThat(ConfiguredClass.load(Map.of(), KEY, null)).isNull();
  }

  @Test
  void anUnknownClassNameIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> ConfiguredClass.load(Map.of(KEY, "com.acme.Nowhere"), KEY, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("json.value.type: no class com.acme.Nowhere on the class path");
  }
}
