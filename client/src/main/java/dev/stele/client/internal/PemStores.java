package dev.stele.client.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Key and trust stores from PEM text, as Kafka's {@code ssl.*.type=PEM} reads them: X.509
 * {@code CERTIFICATE} blocks, and one PKCS#8 {@code PRIVATE KEY} or {@code ENCRYPTED PRIVATE KEY}
 * (RSA, EC or DSA; the encrypted one opened with {@code ssl.key.password}). The stores are built
 * in memory; the text never goes to disk.
 */
final class PemStores {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
  private static final String ALIAS = "pem";

  private PemStores() {}

  /** A store trusting every certificate in {@code pem}. */
  static KeyStore trustStore(String pem, String where) throws GeneralSecurityException, IOException {
    List<Certificate> certificates = certificates(pem, where);
    KeyStore store = emptyStore();
    for (int i = 0; i < certificates.size(); i++) {
      store.setCertificateEntry(ALIAS + i, certificates.get(i));
    }
    return store;
  }

  /**
   * A store holding the one private key in {@code keyPem} with the certificate chain in
   * {@code chainPem} (the same text when one file holds both), under {@code keyPassword}.
   */
  static KeyStore keyStore(String keyPem, String chainPem, char[] keyPassword, String where)
      throws GeneralSecurityException, IOException {
    List<Certificate> chain = certificates(chainPem, where);
    PrivateKey key = privateKey(keyPem, keyPassword, where);
    KeyStore store = emptyStore();
    store.setKeyEntry(ALIAS, key, entryPassword(keyPassword), chain.toArray(new Certificate[0]));
    return store;
  }

  /** The password the key entry is kept under in memory: the key's own, or none. */
  static char[] entryPassword(char[] keyPassword) {
    return keyPassword == null ? new char[0] : keyPassword;
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static List<Certificate> certificates(String pem, String where) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<Certificate> certificates = new ArrayList<>();
    Matcher block = BLOCK.matcher(pem);
    while (block.find()) {
      if (block.group(1).equals("CERTIFICATE")) {
        certificates.add(factory.generateCertificate(new ByteArrayInputStream(decode(block.group(2), where))));
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(where + " holds no PEM CERTIFICATE block");
    }
    return certificates;
  }

  private static PrivateKey privateKey(String pem, char[] password, String where) throws GeneralSecurityException {
    Matcher block = BLOCK.matcher(pem);
    while (block.find()) {
      String kind = block.group(1);
      if (kind.equals("PRIVATE KEY")) {
        return pkcs8(new PKCS8EncodedKeySpec(decode(block.group(2), where)), where);
      }
      if (kind.equals("ENCRYPTED PRIVATE KEY")) {
        if (password == null) {
          throw new IllegalArgumentException(where + " holds an encrypted private key: set "
              + "schema.registry.ssl.key.password to open it");
        }
        EncryptedPrivateKeyInfo info;
        try {
          info = new EncryptedPrivateKeyInfo(decode(block.group(2), where));
        } catch (IOException e) {
          throw new IllegalArgumentException(where + ": the encrypted private key is not PKCS#8", e);
        }
        String algorithm = cipherName(info);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE,
            SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password)),
            info.getAlgParameters());
        try {
          return pkcs8(info.getKeySpec(cipher), where);
        } catch (InvalidKeySpecException e) {
          throw new IllegalArgumentException(where + ": the private key does not open with"
              + " schema.registry.ssl.key.password", e);
        }
      }
      if (kind.endsWith("PRIVATE KEY")) {
        throw new IllegalArgumentException(where + " holds a " + kind + " block: only PKCS#8 keys"
            + " (BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY) are read, as by Kafka; convert it with"
            + " openssl pkcs8 -topk8");
      }
    }
    throw new IllegalArgumentException(where + " holds no PEM PRIVATE KEY block");
  }

  /**
   * The JDK names a PBES2 key (openssl's default) "PBES2" or by its OID, which no cipher answers
   * to; its parameters carry the full name, e.g. PBEWithHmacSHA256AndAES_256.
   */
  private static String cipherName(EncryptedPrivateKeyInfo info) throws GeneralSecurityException {
    String name = info.getAlgName();
    try {
      SecretKeyFactory.getInstance(name);
      return name;
    } catch (java.security.NoSuchAlgorithmException e) {
      if (info.getAlgParameters() == null) {
        throw e;
      }
      return info.getAlgParameters().toString();
    }
  }

  /** PKCS#8 does not say the algorithm in a way the JDK reads first: try those Kafka tries. */
  private static PrivateKey pkcs8(PKCS8EncodedKeySpec spec, String where) throws GeneralSecurityException {
    for (String algorithm : new String[] {"RSA", "EC", "DSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (InvalidKeySpecException notThisOne) {
        // try the next
      }
    }
    throw new IllegalArgumentException(where + ": the private key is not an RSA, EC or DSA key");
  }

  private static byte[] decode(String base64, String where) {
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": a PEM block is not base64", e);
    }
  }
}
