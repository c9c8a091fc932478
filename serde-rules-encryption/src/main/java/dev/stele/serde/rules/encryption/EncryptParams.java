package dev.stele.serde.rules.encryption;

/**
 * The parameters of {@code ENCRYPT} and {@code ENCRYPT_PAYLOAD} rules, Confluent's names. A rule
 * reads each from its {@code params}, else from the schema's metadata properties.
 */
public final class EncryptParams {
  /** The KEK whose DEKs encrypt the data; required. */
  public static final String KEK_NAME = "encrypt.kek.name";
  /** The KMS kind of the KEK ({@code local-kms}, ...), to register it when it does not exist yet. */
  public static final String KMS_TYPE = "encrypt.kms.type";
  /** The key's id in that KMS, likewise. */
  public static final String KMS_KEY_ID = "encrypt.kms.key.id";
  /** {@code AES256_GCM} (default), {@code AES128_GCM}, or {@code AES256_SIV} (deterministic). */
  public static final String DEK_ALGORITHM = "encrypt.dek.algorithm";
  /** Days after which a writer makes a new DEK version; 0 (default) keeps version 1 for ever. */
  public static final String DEK_EXPIRY_DAYS = "encrypt.dek.expiry.days";
  /** Further key ids of the same KMS to try, comma-separated, when the KEK's own cannot wrap or unwrap. */
  public static final String ALTERNATE_KMS_KEY_IDS = "encrypt.alternate.kms.key.ids";

  private EncryptParams() {}
}
