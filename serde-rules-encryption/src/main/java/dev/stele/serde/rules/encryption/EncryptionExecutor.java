package dev.stele.serde.rules.encryption;

import dev.stele.client.RuleMode;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.encryption.internal.KeyParams;
import java.util.function.LongSupplier;

/**
 * {@code ENCRYPT_PAYLOAD}: an encoding rule ({@code ruleSet.encodingRules}) that encrypts the
 * whole encoded payload after the format wrote it, and decrypts it before the format reads it;
 * the 5-byte header (magic byte, schema id) stays in the clear. Same parameters, keys, settings
 * and ciphertext as {@link FieldEncryptionExecutor}, whose configuration it inherits; it runs on
 * the payload's bytes instead of walking fields. Declare the rule {@code TRANSFORM}, mode
 * {@code WRITEREAD}.
 */
public class EncryptionExecutor extends FieldEncryptionExecutor {
  public static final String TYPE = "ENCRYPT_PAYLOAD";

  public EncryptionExecutor() {
    super();
  }

  /** @param clock the time DEK expiry is judged by, in epoch milliseconds (tests move it on) */
  protected EncryptionExecutor(LongSupplier clock) {
    super(clock);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Object transform(RuleContext ctx, Object message) throws RuleException {
    if (!(message instanceof byte[] payload)) {
      throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "': ENCRYPT_PAYLOAD encrypts encoded"
          + " payloads; declare it under ruleSet.encodingRules, not domainRules");
    }
    KeyParams params = KeyParams.of(ctx);
    if (ctx.mode() == RuleMode.WRITE) {
      return envelope.seal(ctx, params, payload);
    }
    if (ctx.mode() == RuleMode.READ) {
      return envelope.open(ctx, params, payload);
    }
    throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "': ENCRYPT_PAYLOAD runs on write"
        + " and read, not in " + ctx.mode());
  }
}
