package dev.stele.serde.rules.encryption;

import dev.stele.client.RuleMode;
import dev.stele.serde.rules.FieldContext;
import dev.stele.serde.rules.FieldRuleExecutor;
import dev.stele.serde.rules.FieldTransform;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.encryption.internal.Envelope;
import dev.stele.serde.rules.encryption.internal.KeyParams;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code ENCRYPT}: encrypts the fields a rule's tags select on write and decrypts them on read,
 * with a DEK of the DEK registry (see {@link EncryptParams}), as Confluent's clients do, so either
 * side reads the other's records. A string field holds the ciphertext in base64 (standard
 * alphabet, padded), a bytes field the ciphertext itself; other types are refused on write and
 * left as they are on read. Declare the rule {@code TRANSFORM}, mode {@code WRITEREAD}.
 */
public class FieldEncryptionExecutor extends FieldRuleExecutor {
  public static final String TYPE = "ENCRYPT";

  private final LongSupplier clock;
  /** Also {@link EncryptionExecutor}'s, which shares the keys and settings. */
  volatile Envelope envelope;

  /** For {@code ServiceLoader} and {@code rule.executors.<name>.class}. */
  public FieldEncryptionExecutor() {
    this(System::currentTimeMillis);
  }

  /** @param clock the time DEK expiry is judged by, in epoch milliseconds (tests move it on) */
  protected FieldEncryptionExecutor(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** The DEK registry client and the KMS drivers' settings need the serde's own configs. */
  @Override
  public boolean addOriginalConfigs() {
    return true;
  }

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    envelope = Envelope.configure(configs, clock);
  }

  @Override
  protected FieldTransform newTransform(RuleContext ctx) throws RuleException {
    if (ctx.mode() != RuleMode.WRITE && ctx.mode() != RuleMode.READ) {
      throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "': ENCRYPT runs on write and read,"
          + " not in migrations (" + ctx.mode() + ")");
    }
    KeyParams params = KeyParams.of(ctx);
    Envelope keys = envelope;
    return ctx.mode() == RuleMode.WRITE
        ? (c, field, value) -> encrypt(c, keys, params, field, value)
        : (c, field, value) -> decrypt(c, keys, params, field, value);
  }

  private static Object encrypt(RuleContext ctx, Envelope keys, KeyParams params, FieldContext field, Object value)
      throws RuleException {
    if (value == null) {
      return null;
    }
    return switch (field.type()) {
      case STRING -> Base64.getEncoder().encodeToString(
          keys.seal(ctx, params, value.toString().getBytes(StandardCharsets.UTF_8)));
      case BYTES -> keys.seal(ctx, params, (byte[]) value);
      default -> throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "' cannot encrypt "
          + field.fullName() + ": only string and bytes fields are encrypted, not " + field.type());
    };
  }

  private static Object decrypt(RuleContext ctx, Envelope keys, KeyParams params, FieldContext field, Object value)
      throws RuleException {
    if (value == null) {
      return null;
    }
    return switch (field.type()) {
      case STRING -> new String(keys.open(ctx, params, base64(ctx, field, value.toString())),
          StandardCharsets.UTF_8);
      case BYTES -> keys.open(ctx, params, (byte[]) value);
      default -> value;
    };
  }

  private static byte[] base64(RuleContext ctx, FieldContext field, String text) throws RuleException {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "': " + field.fullName()
          + " is not base64 ciphertext, so it was not encrypted by this rule", e);
    }
  }
}
