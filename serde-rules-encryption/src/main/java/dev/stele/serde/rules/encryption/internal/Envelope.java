package dev.stele.serde.rules.encryption.internal;

import dev.stele.client.ClientConfig;
import dev.stele.client.RestClientException;
import dev.stele.kms.KmsDrivers;
import dev.stele.serde.rules.RuleContext;
import dev.stele.serde.rules.RuleException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Encrypts and decrypts bytes for one executor, in Confluent's ciphertext format: Tink's raw
 * output ({@link DataKey}), preceded, when the rule rotates DEKs ({@code encrypt.dek.expiry.days}
 * above 0), by a zero byte and the DEK's version as a 4-byte big-endian int, so a reader knows
 * which version to fetch. Without rotation every ciphertext is made with version 1 and carries no
 * prefix.
 */
public final class Envelope {
  private static final byte VERSION_MAGIC = 0;
  private static final int PREFIX = 5;

  private final Supplier<KeyRing> keys;
  private final String noRegistry;
  private volatile KeyRing ring;

  private Envelope(Supplier<KeyRing> keys, String noRegistry) {
    this.keys = keys;
    this.noRegistry = noRegistry;
  }

  /**
   * @param configs the serde's configs with the executor's params over them: the registry's URL
   *     and credentials for the DEK registry, and the KMS drivers' settings (e.g. {@code secret})
   */
  public static Envelope configure(Map<String, ?> configs, LongSupplier clock) {
    Map<String, String> props = new LinkedHashMap<>();
    configs.forEach((key, value) -> {
      if (value != null) {
        props.put(key, String.valueOf(value));
      }
    });
    Object url = configs.get(ClientConfig.URL);
    if (url == null || url.toString().isBlank()) {
      // A serde built over a given client may never meet an encryption rule: fail on the first one.
      return new Envelope(null, "the DEK registry is reached at schema.registry.url, which this serde's"
          + " configs do not set");
    }
    // Read now, so a bad value fails configure(); the HTTP client (a thread of its own) and the
    // drivers only once a rule runs, as most serdes never meet an encryption rule.
    ClientConfig client = ClientConfig.fromMap(configs);
    return new Envelope(() -> new KeyRing(new DekRegistry(client), KmsDrivers.loaded(), props, clock), null);
  }

  public byte[] seal(RuleContext ctx, KeyParams params, byte[] plaintext) throws RuleException {
    try {
      DataKey key = ring(ctx).forWriting(params, ctx.subject());
      if (!params.rotates()) {
        return key.encrypt(plaintext, 0);
      }
      byte[] ciphertext = key.encrypt(plaintext, PREFIX);
      ciphertext[0] = VERSION_MAGIC;
      ByteBuffer.wrap(ciphertext, 1, 4).putInt(key.dek().version());
      return ciphertext;
    } catch (GeneralSecurityException | IOException | RestClientException e) {
      throw failure(ctx, "encrypt", e);
    }
  }

  public byte[] open(RuleContext ctx, KeyParams params, byte[] ciphertext) throws RuleException {
    int version = 1;
    int body = 0;
    if (params.rotates()) {
      if (ciphertext.length < PREFIX || ciphertext[0] != VERSION_MAGIC) {
        throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "' rotates DEKs, but the"
            + " ciphertext does not start with a DEK version (a zero byte and 4 bytes)");
      }
      version = ByteBuffer.wrap(ciphertext, 1, 4).getInt();
      body = PREFIX;
    }
    try {
      return ring(ctx).forReading(params, ctx.subject(), version).decrypt(ciphertext, body);
    } catch (GeneralSecurityException | IOException | RestClientException e) {
      throw failure(ctx, "decrypt", e);
    }
  }

  private KeyRing ring(RuleContext ctx) throws RuleException {
    if (keys == null) {
      throw new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "' cannot run: " + noRegistry);
    }
    KeyRing made = ring;
    if (made == null) {
      synchronized (this) {
        made = ring;
        if (made == null) {
          made = keys.get();
          ring = made;
        }
      }
    }
    return made;
  }

  private static RuleException failure(RuleContext ctx, String verb, Exception e) {
    return new RuleException(ctx.rule(), "rule '" + ctx.rule().name() + "' could not " + verb + " (subject "
        + ctx.subject() + "): " + e.getMessage(), e);
  }
}
