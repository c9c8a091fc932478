package dev.stele.serde.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.client.internal.ConfigKey.Side;
import dev.stele.client.internal.KeyTable;
import dev.stele.client.testing.KeyTableWalk;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walk of a format's key table (docs/client-config.md) that each serde module owes, against
 * its real serdes and a real registry ({@link #REGISTRY}): every honoured key names the test that
 * shows its effect, every refused key fails {@code configure()} naming itself, every key is in the
 * docs, and the format's key-type key ({@code json.key.type}, {@code specific.protobuf.key.type})
 * shapes what a key deserializer returns and not what a value deserializer returns. A module's
 * test class extends this, passing its table, evidence, serdes and a sample key.
 */
public abstract class KeyTableContract {
  @RegisterExtension
  protected static final SerdeRegistry REGISTRY = new SerdeRegistry();

  /** Where the key-type test is, for a table's evidence. */
  public static final String KEY_TYPE_EVIDENCE = KeyTableContract.class.getName() + "#theKeyTypeShapesKeysOnly";

  /**
   * What a module's test walks.
   *
   * @param evidence honoured key → {@code fully.qualified.TestClass#method}, as {@link KeyTableWalk}
   *     takes it ({@link #KEY_TYPE_EVIDENCE} for the key-type key)
   * @param keyTypeKey the format's key-type key; in the test its value is {@code key}'s class
   * @param key a key the serializer writes and the key deserializer must read back as its class
   */
  public record Walk(KeyTable table, Map<String, String> evidence,
      Supplier<? extends Serializer<?>> serializer, Supplier<? extends Deserializer<?>> deserializer,
      String keyTypeKey, Object key) {}

  private final Walk walk;

  protected KeyTableContract(Walk walk) {
    this.walk = walk;
  }

  @Test
  public void everyHonouredKeyNamesTheTestThatShowsItsEffect() {
    KeyTableWalk.honouredKeysHaveEvidence(walk.table(), walk.evidence());
  }

  @Test
  public void everyRefusedKeyFailsConfigureNamingItself() {
    KeyTableWalk.refusedKeysFailNamingThemselves(walk.table(), REGISTRY.configs(),
        configure(walk.serializer(), walk.deserializer()));
  }

  @Test
  public void everyKeyIsInTheDocs() {
    KeyTableWalk.documented(walk.table());
  }

  @Test
  public void theKeyTypeShapesKeysOnly() {
    Object key = walk.key();
    String keyType = key.getClass().getName();
    @SuppressWarnings("unchecked") // the sample key is of the type the subclass's serializer writes
    Serializer<Object> writer = (Serializer<Object>) walk.serializer().get();
    writer.configure(REGISTRY.configs(), true);
    byte[] bytes = writer.serialize("keys", key);
    Deserializer<?> keys = walk.deserializer().get();
    keys.configure(REGISTRY.configs(walk.keyTypeKey(), keyType), true);
    Deserializer<?> values = walk.deserializer().get();
    values.configure(REGISTRY.configs(walk.keyTypeKey(), keyType), false);
    Object read = keys.deserialize("keys", bytes);
    assertThat(read).isInstanceOf(key.getClass());
    // Written again it is the same bytes: the same content, not only the same class.
    assertThat(writer.serialize("keys", read)).isEqualTo(bytes);
    assertThat(values.deserialize("keys", bytes)).isNotInstanceOf(key.getClass());
  }

  /** Configures a fresh value serializer or deserializer, by side, with a copy of the configs. */
  public static BiConsumer<Side, Map<String, Object>> configure(Supplier<? extends Serializer<?>> serializer,
      Supplier<? extends Deserializer<?>> deserializer) {
    return (side, configs) -> {
      if (side == Side.SERIALIZER) {
        serializer.get().configure(new HashMap<>(configs), false);
      } else {
        deserializer.get().configure(new HashMap<>(configs), false);
      }
    };
  }
}
