package dev.stele.client.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.client.UnsupportedConfigException;
import dev.stele.client.internal.ConfigKey;
import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.internal.ConfigKey.Status;
import dev.stele.client.internal.KeyTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Walks a key table, as the issue asks: every honoured key names the test that shows it changes
 * behaviour, and every refused key makes the real {@code configure()} fail naming it, while its
 * accepted value (if any) passes.
 */
public final class KeyTableWalk {
  /** A value no Confluent key takes, so the refusal, not a parse error, is what fails. */
  public static final String UNACCEPTABLE = "stele-refuses-this";

  private KeyTableWalk() {}

  /**
   * @param evidence honoured key → {@code fully.qualified.TestClass#method}, a {@code @Test} that
   *     fails if the key stopped having its effect
   */
  public static void honouredKeysHaveEvidence(KeyTable table, Map<String, String> evidence) {
    Map<String, ConfigKey> honoured = table.keys().stream().filter(key -> key.status() == Status.HONOURED)
        .collect(Collectors.toMap(ConfigKey::name, key -> key));
    assertThat(evidence.keySet()).as("evidence for exactly the honoured keys of " + table.layer())
        .containsExactlyInAnyOrderElementsOf(honoured.keySet());
    evidence.forEach((key, test) -> {
      String[] parts = test.split("#");
      try {
        Method method = Class.forName(parts[0]).getDeclaredMethod(parts[1]);
        assertThat(method.isAnnotationPresent(Test.class)).as(test + " is a @Test").isTrue();
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(key + ": its evidence " + test + " does not exist", e);
      }
    });
  }

  /** Every key of the table appears, in backquotes, in docs/client-config.md (run from a module directory). */
  public static void documented(KeyTable table) {
    String doc;
    try {
      doc = Files.readString(Path.of("..", "docs", "client-config.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (ConfigKey key : table.keys()) {
      assertThat(doc).as(key.name() + " in docs/client-config.md").contains("| `" + key.name() + "`");
    }
  }

  /**
   * @param base configs that {@code configure} accepts (a URL, say)
   * @param configure configures a real serde of the given side (or builds a client) with the configs
   */
  public static void refusedKeysFailNamingThemselves(KeyTable table, Map<String, Object> base,
      BiConsumer<Side, Map<String, Object>> configure) {
    int walked = 0;
    for (ConfigKey key : table.keys()) {
      if (key.status() != Status.REFUSED) {
        continue;
      }
      for (Side side : key.side() == Side.BOTH ? new Side[] {Side.SERIALIZER, Side.DESERIALIZER}
          : new Side[] {key.side()}) {
        Map<String, Object> configs = new HashMap<>(base);
        configs.put(key.name(), UNACCEPTABLE);
        assertThatThrownBy(() -> configure.accept(side, configs)).as(key.name() + " on the " + side)
            .isInstanceOfSatisfying(UnsupportedConfigException.class, e -> {
              assertThat(e.key()).isEqualTo(key.name());
              assertThat(e.getMessage()).contains(key.name()).contains("is not supported by Stele's")
                  .contains(key.note());
            });
        if (key.accepted() != null) {
          configs.put(key.name(), key.accepted());
          assertThatCode(() -> configure.accept(side, configs)).as(key.name() + "=" + key.accepted())
              .doesNotThrowAnyException();
        }
        walked++;
      }
    }
    assertThat(walked).as("refused keys walked in " + table.layer()).isPositive();
  }
}
