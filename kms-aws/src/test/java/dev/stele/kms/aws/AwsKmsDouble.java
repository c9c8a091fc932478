package dev.stele.kms.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.stele.testkit.FormBody;
import dev.stele.testkit.HttpDouble;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A double of AWS KMS's and STS's documented HTTP APIs, as far as the aws-kms driver uses them,
 * because AWS cannot be reached from the machines these tests run on. KMS: the JSON 1.1 protocol
 * ({@code POST /}, {@code X-Amz-Target: TrentService.Encrypt} or {@code .Decrypt}, base64 blobs,
 * errors as {@code {"__type", "message"}} with status 400). STS: the query protocol's
 * {@code Action=AssumeRole}, answering temporary credentials in XML. Every request must carry a
 * valid Signature Version 4 ({@link SigV4Check}) of a known access key, and a session token where
 * the key was issued with one. Keys are real AES-256-GCM keys, and a ciphertext blob names its key,
 * as KMS's do, so Decrypt with another key id fails with {@code IncorrectKeyException}. 127.0.0.1 only.
 */
final class AwsKmsDouble extends HttpDouble {
  static final String ACCOUNT = "111122223333";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
  /** Access key id → secret, and → session token for issued ones. */
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, String> sessionTokens = new ConcurrentHashMap<>();
  private final Map<String, String> roles = new ConcurrentHashMap<>();
  private final AtomicInteger assumed = new AtomicInteger();
  private final SecureRandom random = new SecureRandom();

  AwsKmsDouble() throws IOException {
    super("/");
  }

  URI endpoint() {
    return URI.create(address());
  }

  static String keyArn(String region, String id) {
    return "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + id;
  }

  AwsKmsDouble withKey(String arn) throws GeneralSecurityException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    keys.put(arn, generator.generateKey());
    return this;
  }

  AwsKmsDouble withAccessKey(String id, String secret) {
    secrets.put(id, secret);
    return this;
  }

  /** A role whose AssumeRole needs {@code externalId} (null: none). */
  AwsKmsDouble withRole(String roleArn, String externalId) {
    roles.put(roleArn, externalId == null ? "" : externalId);
    return this;
  }

  int rolesAssumed() {
    return assumed.get();
  }

  @Override
  protected void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      SigV4Check.Claim claim = SigV4Check.claim(exchange);
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (claim == null || !secrets.containsKey(claim.accessKeyId())) {
        kmsError(exchange, "UnrecognizedClientException", "The security token included in the request is invalid.");
      } else if (!SigV4Check.verify(exchange, claim, secrets.get(claim.accessKeyId()), body)) {
        kmsError(exchange, "InvalidSignatureException", "The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method.");
      } else if (sessionTokens.containsKey(claim.accessKeyId()) && !sessionTokens.get(claim.accessKeyId())
          .equals(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"))) {
        kmsError(exchange, "UnrecognizedClientException", "The security token included in the request is invalid.");
      } else if ("TrentService.Encrypt".equals(target)) {
        encrypt(exchange, JSON.readTree(body));
      } else if ("TrentService.Decrypt".equals(target)) {
        decrypt(exchange, JSON.readTree(body));
      } else if (claim.service().equals("sts")) {
        assumeRole(exchange, FormBody.parse(body));
      } else {
        kmsError(exchange, "UnknownOperationException", "no operation " + target);
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      reply(exchange, 500, "application/x-amz-json-1.1", JSON.writeValueAsBytes(
          Map.of("__type", "KMSInternalException", "message", e.toString())));
    }
  }

  private void encrypt(HttpExchange exchange, JsonNode request) throws IOException, GeneralSecurityException {
    String arn = request.path("KeyId").asText();
    SecretKey key = keys.get(arn);
    if (key == null) {
      kmsError(exchange, "NotFoundException", "Key '" + arn + "' does not exist");
      return;
    }
    byte[] iv = new byte[12];
    random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
    byte[] sealed = cipher.doFinal(Base64.getDecoder().decode(request.path("Plaintext").asText()));
    byte[] name = arn.getBytes(StandardCharsets.UTF_8);
    byte[] blob = ByteBuffer.allocate(2 + name.length + 12 + sealed.length).putShort((short) name.length)
        .put(name).put(iv).put(sealed).array();
    kmsReply(exchange, Map.of("CiphertextBlob", Base64.getEncoder().encodeToString(blob), "KeyId", arn,
        "EncryptionAlgorithm", "SYMMETRIC_DEFAULT"));
  }

  private void decrypt(HttpExchange exchange, JsonNode request) throws IOException {
    try {
      ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(request.path("CiphertextBlob").asText()));
      byte[] name = new byte[blob.getShort()];
      blob.get(name);
      String arn = new String(name, StandardCharsets.UTF_8);
      String asked = request.path("KeyId").asText(arn);
      if (!asked.equals(arn)) {
        kmsError(exchange, "IncorrectKeyException", "The key ID in the request does not identify a CMK that can"
            + " perform this operation.");
        return;
      }
      byte[] iv = new byte[12];
      blob.get(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, keys.get(arn), new GCMParameterSpec(128, iv));
      byte[] plaintext = cipher.doFinal(blob.array(), blob.position(), blob.remaining());
      kmsReply(exchange, Map.of("Plaintext", Base64.getEncoder().encodeToString(plaintext), "KeyId", arn,
          "EncryptionAlgorithm", "SYMMETRIC_DEFAULT"));
    } catch (GeneralSecurityException | RuntimeException e) {
      kmsError(exchange, "InvalidCiphertextException", null);
    }
  }

  private void assumeRole(HttpExchange exchange, Map<String, String> form) throws IOException {
    String roleArn = form.get("RoleArn");
    String externalId = roles.get(roleArn);
    if (!"AssumeRole".equals(form.get("Action")) || externalId == null
        || !externalId.equals(form.getOrDefault("ExternalId", ""))) {
      String xml = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not"
          + " authorized to perform: sts:AssumeRole on resource: " + roleArn + "</Message></Error></ErrorResponse>";
      reply(exchange, 403, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
      return;
    }
    int n = assumed.incrementAndGet();
    String id = "ASIADOUBLE" + n;
    String secret = "assumed-secret-" + n;
    String token = "session-token-" + n;
    secrets.put(id, secret);
    sessionTokens.put(id, token);
    String xml = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
        + "<Credentials><AccessKeyId>" + id + "</AccessKeyId><SecretAccessKey>" + secret + "</SecretAccessKey>"
        + "<SessionToken>" + token + "</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
        + "<AssumedRoleUser><AssumedRoleId>AROA:" + form.get("RoleSessionName") + "</AssumedRoleId><Arn>" + roleArn
        + "</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r-" + n
        + "</RequestId></ResponseMetadata></AssumeRoleResponse>";
    reply(exchange, 200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static void kmsReply(HttpExchange exchange, Object body) throws IOException {
    reply(exchange, 200, "application/x-amz-json-1.1", JSON.writeValueAsBytes(body));
  }

  private static void kmsError(HttpExchange exchange, String type, String message) throws IOException {
    Map<String, String> body = new HashMap<>(Map.of("__type", type));
    if (message != null) {
      body.put("message", message);
    }
    reply(exchange, 400, "application/x-amz-json-1.1", JSON.writeValueAsBytes(body));
  }

}
