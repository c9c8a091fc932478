package dev.stele.kms.gcp;

import java.security.GeneralSecurityException;
import java.util.regex.Pattern;

/**
 * A Cloud KMS key as Confluent's gcp-kms driver names it in a KEK's {@code kmsKeyId}: the
 * CryptoKey's resource name {@code projects/P/locations/L/keyRings/R/cryptoKeys/K} (the KEK URL
 * is {@code gcp-kms://} and that name). Each segment is checked against Cloud KMS's naming rules
 * because the name becomes the request's path: nothing else may reach the URL.
 */
record CryptoKeyName(String name) {
  static final String FORM = "a CryptoKey's resource name, projects/PROJECT/locations/LOCATION/keyRings/RING/cryptoKeys/KEY";
  /** Project ids (also domain-scoped, example.com:p), locations, and key ring and key ids (1 to 63 of [A-Za-z0-9_-]). */
  private static final Pattern NAME = Pattern.compile(
      "projects/[a-z0-9.:-]{1,100}/locations/[a-z0-9-]{1,63}/keyRings/[A-Za-z0-9_-]{1,63}/cryptoKeys/[A-Za-z0-9_-]{1,63}");

  static CryptoKeyName parse(String kmsKeyId) throws GeneralSecurityException {
    if (!NAME.matcher(kmsKeyId).matches()) {
      throw new GeneralSecurityException("gcp-kms kmsKeyId '" + kmsKeyId + "' is refused: it must be " + FORM);
    }
    return new CryptoKeyName(kmsKeyId);
  }

  @Override
  public String toString() {
    return name;
  }
}
