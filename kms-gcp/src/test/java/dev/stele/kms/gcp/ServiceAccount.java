package dev.stele.kms.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service account of the tests, with a real RSA key as Google issues them, as properties or as its JSON key file. */
record ServiceAccount(String email, String keyId, String clientId, KeyPair keys) {
  static ServiceAccount create(String name) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return new ServiceAccount(name + "@stele-test.iam.gserviceaccount.com", "key-" + name,
        String.valueOf(Math.abs((long) name.hashCode()) + 100000000000L), generator.generateKeyPair());
  }

  RSAPublicKey publicKey() {
    return (RSAPublicKey) keys.getPublic();
  }

  /** The private key in PKCS#8 PEM, as in Google's key files. */
  String pem() {
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
        .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
  }

  /** Confluent's property keys for this account's key. */
  Map<String, String> properties() {
    return Map.of("client.id", clientId, "client.email", email, "private.key.id", keyId, "private.key", pem());
  }

  /** Its JSON key file, as Google's console downloads it, whose token_uri is {@code tokenUri}. */
  Path keyFile(Path dir, URI tokenUri) throws IOException {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("type", "service_account");
    json.put("project_id", "stele-test");
    json.put("private_key_id", keyId);
    json.put("private_key", pem());
    json.put("client_email", email);
    json.put("client_id", clientId);
    json.put("token_uri", tokenUri.toString());
    Path file = dir.resolve(keyId + ".json");
    Files.write(file, new ObjectMapper().writeValueAsBytes(json));
    return file;
  }
}
