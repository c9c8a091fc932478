package dev.stele.serde.rules.encryption;

import dev.stele.client.RuleMode;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.RuleExecutor;
import dev.stele.serde.rules.encryption.internal.Envelope;
import dev.stele.serde.rules.encryption.internal.KeyParams;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code ENCRYPT_PAYLOAD}: an encoding rule ({@code ruleSet.encodingRules}) that encrypts the
 * whole encoded payload after the format wrote it, and decrypts it before the format reads it;
 * the 5-byte header (magic byte, schema id) stays in the clear. Same parameters, keys and
 * ciphertext as {@link FieldEncryptionExecutor}. Declare the rule {@code TRANSFORM}, mode
 * {@code WRITEREAD}.
 */
public class EncryptionExecutor implements RuleExecutor {
  public static final String TYPE = "ENCRYPT_PAYLOAD";

  private final LongSupplier clock;
  private volatile Envelope envelope;

  public EncryptionExecutor() {
    this(System::currentTimeMillis);
  }

  /** @param clock the time DEK expiry is judged by, in epoch milliseconds (tests move it on) */
  protected EncryptionExecutor(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean addOriginalConfigs() {
    return true;
  }

  @Override
  public void configure(Map<String, ?> configs) {
    envelope = Envelope.configure(configs, clock);
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
