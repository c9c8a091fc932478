package dev.stele.serde.rules.encryption.internal;

import dev.stele.client.Metadata;
import dev.stele.client.Rule;
import dev.stele.kms.DekFormat;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import dev.stele.serde.rules.encryption.EncryptParams;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one encryption rule asks for, from its params (else the schema's metadata properties), with
 * Confluent's names and defaults: the KEK (required), the KMS key to register it with on first
 * use, the DEK algorithm (AES256_GCM) and the days after which a writer makes a new DEK version
 * (0: never, and then ciphertexts carry no version).
 */
public record KeyParams(String kekName, String kmsType, String kmsKeyId, DekFormat algorithm, int expiryDays) {
  private static final int MAX_KNOWN = 1000;
  /** Six params, two map look-ups each, for every record showed in the profile; valid ones are kept. */
  private static final ConcurrentHashMap<Source, KeyParams> KNOWN = new ConcurrentHashMap<>();

  /**
   * Where a rule's params come from: the rule, then the schema's metadata. By identity: a serde
   * hands the same two over record after record, and both are immutable.
   */
  private record Source(Rule rule, Metadata metadata) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Source that && that.rule == rule && that.metadata == metadata;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(rule) + System.identityHashCode(metadata);
    }
  }

  public static KeyParams of(RuleContext ctx) throws RuleException {
    Source source = new Source(ctx.rule(), ctx.target().metadata());
    KeyParams known = KNOWN.get(source);
    if (known != null) {
      return known;
    }
    KeyParams read = read(ctx);
    if (KNOWN.size() >= MAX_KNOWN) {
      KNOWN.clear();
    }
    KNOWN.put(source, read);
    return read;
  }

  private static KeyParams read(RuleContext ctx) throws RuleException {
    String kekName = ctx.parameter(EncryptParams.KEK_NAME);
    if (kekName == null || kekName.isEmpty()) {
      throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "' names no KEK: set its param "
          + EncryptParams.KEK_NAME + " (or the schema's metadata property of that name)");
    }
    String algorithmName = ctx.parameter(EncryptParams.DEK_ALGORITHM);
    DekFormat algorithm = algorithmName == null ? DekFormat.AES256_GCM : DekFormat.named(algorithmName);
    if (algorithm == null) {
      throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "': " + EncryptParams.DEK_ALGORITHM
          + " is '" + algorithmName + "'; the algorithms are AES128_GCM, AES256_GCM and AES256_SIV");
    }
    return new KeyParams(kekName, blankAsNull(ctx.parameter(EncryptParams.KMS_TYPE)),
        blankAsNull(ctx.parameter(EncryptParams.KMS_KEY_ID)), algorithm, expiryDays(ctx));
  }

  private static int expiryDays(RuleContext ctx) throws RuleException {
    String text = ctx.parameter(EncryptParams.DEK_EXPIRY_DAYS);
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      int days = Integer.parseInt(text.trim());
      if (days >= 0) {
        return days;
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "': " + EncryptParams.DEK_EXPIRY_DAYS
        + " is '" + text + "'; it takes a whole number of days, 0 or more");
  }

  private static String blankAsNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** Whether writers rotate DEKs, and so ciphertexts start with the DEK's version. */
  boolean rotates() {
    return expiryDays > 0;
  }
}
