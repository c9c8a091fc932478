package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.http.auth.BasicAuthenticator;
import dev.stele.http.auth.PasswordHash;
import dev.stele.http.auth.Security;
import dev.stele.http.ops.Operations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /dek-registry/v1/keks}: Confluent's DEK registry over a real server and node. */
class KeyRoutesTest extends HttpTestBase {
  private static final String KEKS = "/dek-registry/v1/keks";
  private static final String KEK = "{\"name\":\"k1\",\"kmsType\":\"local-kms\",\"kmsKeyId\":\"key1\","
      + "\"kmsProps\":{\"secret\":\"s3cr3t\",\"region\":\"eu\"},\"doc\":\"first\",\"shared\":false}";
  private static final String SHARED = "{\"name\":\"shared\",\"kmsType\":\"local-kms\","
      + "\"kmsKeyId\":\"key2\",\"kmsProps\":{\"secret\":\"s3cr3t\"},\"shared\":true}";

  @TempDir Path dir;

  @Test
  void keksAreCreatedReadUpdatedAndListedWithoutTheirSecrets() {
    Reply created = post(KEKS, KEK);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonNode kek = created.json();
    assertThat(fieldNames(kek)).containsExactly("name", "kmsType", "kmsKeyId", "kmsProps", "doc",
        "shared", "ts");
    assertThat(kek.get("kmsProps").toString()).isEqualTo("{\"region\":\"eu\"}");
    assertThat(kek.get("ts").asLong()).isPositive();
    assertThat(created.body()).doesNotContain("s3cr3t");
    assertThat(get(KEKS + "/k1").json()).isEqualTo(kek);
    assertError(post(KEKS, KEK), 409, 40971, "Key 'k1' already exists; use a different value");
    assertError(get(KEKS + "/k2"), 404, 40470, "Key 'k2' not found");

    Reply updated = put(KEKS + "/k1", "{\"kmsProps\":{\"region\":\"us\"},\"doc\":\"second\"}");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().get("doc").asText()).isEqualTo("second");
    assertThat(updated.json().get("kmsProps").toString()).isEqualTo("{\"region\":\"us\"}");
    assertError(put(KEKS + "/k2", "{}"), 404, 40470, "Key 'k2' not found");

    post(KEKS, KEK.replace("\"k1\"", "\"a0\""));
    assertJson(get(KEKS), 200, "[\"a0\",\"k1\"]");
    assertJson(get(KEKS + "?subjectPrefix=k"), 200, "[\"k1\"]");
    assertJson(get(KEKS + "?offset=1&limit=1"), 200, "[\"k1\"]");
  }

  @Test
  void badKeysAreRefusedWithTheFieldNamed() {
    assertError(post(KEKS, KEK.replace("\"k1\"", "\"1k\"")), 422, 42271,
        "Invalid or missing value for field 'name' of key");
    assertError(post(KEKS, "{\"name\":\"k\",\"kmsType\":\"local-kms\"}"), 422, 42271,
        "Invalid or missing value for field 'kmsKeyId' of key");
    assertError(post(KEKS, "{\"name\":\"k\",\"kmsKeyId\":\"x\"}"), 422, 42271,
        "Invalid or missing value for field 'kmsType' of key");
    assertError(post(KEKS, "{\"name\":\"k\",\"kmsType\":\"aws-kms\",\"kmsKeyId\":\"x\",\"shared\":true}"),
        422, 42271, "Invalid or missing value for field 'kmsType' of key: this registry has no KMS"
            + " driver for 'aws-kms', so it cannot wrap the DEKs of a shared KEK of that kind");
    assertThat(post(KEKS, KEK).status()).isEqualTo(200);
    assertError(post(KEKS + "/k1/deks", "{\"subject\":\"s\"}"), 422, 42271,
        "Invalid or missing value for field 'encryptedKeyMaterial' of key");
    assertError(get(KEKS + "/k1/deks/s?algorithm=ROT13"), 422, 42271,
        "Invalid or missing value for field 'algorithm' of key");
    assertError(get(KEKS + "/k1/deks/s/versions/zero"), 422, 42202);
    assertError(post(KEKS, "{\"name\":"), 400, 400);
  }

  @Test
  void deksHaveVersionsAndAreDeletedSoftThenForGood() {
    assertThat(post(KEKS, KEK).status()).isEqualTo(200);
    Reply dek = post(KEKS + "/k1/deks", "{\"subject\":\"orders-value\",\"encryptedKeyMaterial\":\"AAEC\"}");
    assertThat(dek.status()).as(dek.body()).isEqualTo(200);
    assertThat(fieldNames(dek.json())).containsExactly("kekName", "subject", "version", "algorithm",
        "encryptedKeyMaterial", "ts");
    assertThat(dek.json().get("algorithm").asText()).isEqualTo("AES256_GCM");
    post(KEKS + "/k1/deks", "{\"subject\":\"orders-value\",\"version\":2,\"encryptedKeyMaterial\":\"AAED\"}");
    post(KEKS + "/k1/deks", "{\"subject\":\"orders-value\",\"algorithm\":\"AES256_SIV\",\"encryptedKeyMaterial\":\"AAEE\"}");
    assertError(post(KEKS + "/k1/deks", "{\"subject\":\"orders-value\",\"encryptedKeyMaterial\":\"AAEC\"}"),
        409, 40971, "Key 'orders-value' already exists; use a different value");
    assertError(post(KEKS + "/k9/deks", "{\"subject\":\"s\",\"encryptedKeyMaterial\":\"AAEC\"}"),
        404, 40470, "Key 'k9' not found");

    assertJson(get(KEKS + "/k1/deks"), 200, "[\"orders-value\"]");
    assertJson(get(KEKS + "/k1/deks/orders-value/versions"), 200, "[1,2]");
    assertJson(get(KEKS + "/k1/deks/orders-value/versions?algorithm=AES256_SIV"), 200, "[1]");
    assertThat(get(KEKS + "/k1/deks/orders-value").json().get("version").asInt()).isEqualTo(2);
    assertThat(get(KEKS + "/k1/deks/orders-value/versions/1").json().get("encryptedKeyMaterial").asText())
        .isEqualTo("AAEC");
    assertError(get(KEKS + "/k1/deks/nope"), 404, 40470, "Key 'nope' not found");

    assertError(delete(KEKS + "/k1"), 422, 42272, "One or more references exist to the key 'k1'");
    assertError(delete(KEKS + "/k1/deks/orders-value/versions/2?permanent=true"), 404, 40471,
        "Key 'orders-value' was not deleted first before being permanently deleted");
    assertThat(delete(KEKS + "/k1/deks/orders-value/versions/2").status()).isEqualTo(204);
    assertJson(get(KEKS + "/k1/deks/orders-value/versions"), 200, "[1]");
    assertThat(get(KEKS + "/k1/deks/orders-value/versions/2?deleted=true").json().get("deleted").asBoolean())
        .isTrue();
    assertThat(post(KEKS + "/k1/deks/orders-value/versions/2/undelete", "").status()).isEqualTo(204);
    assertJson(get(KEKS + "/k1/deks/orders-value/versions"), 200, "[1,2]");

    for (String algorithm : List.of("", "?algorithm=AES256_SIV")) {
      assertThat(delete(KEKS + "/k1/deks/orders-value" + algorithm).status()).isEqualTo(204);
    }
    assertJson(get(KEKS + "/k1/deks"), 200, "[]");
    assertJson(get(KEKS + "/k1/deks?deleted=true"), 200, "[\"orders-value\"]");
    assertThat(delete(KEKS + "/k1").status()).isEqualTo(204);
    assertError(get(KEKS + "/k1"), 404, 40470, "Key 'k1' not found");
    assertError(post(KEKS + "/k1/deks/orders-value/undelete", ""), 404, 40472,
        "Key 'k1' must be undeleted first");
    assertError(delete(KEKS + "/k1?permanent=true"), 422, 42272);
    for (String algorithm : List.of("", "?algorithm=AES256_SIV")) {
      String sep = algorithm.isEmpty() ? "?" : "&";
      assertThat(delete(KEKS + "/k1/deks/orders-value" + algorithm + sep + "permanent=true").status())
          .isEqualTo(204);
    }
    assertThat(delete(KEKS + "/k1?permanent=true").status()).isEqualTo(204);
    assertError(get(KEKS + "/k1?deleted=true"), 404, 40470);
  }

  @Test
  void aSoftDeletedKekIsUndeleted() {
    assertThat(post(KEKS, KEK).status()).isEqualTo(200);
    assertError(delete(KEKS + "/k1?permanent=true"), 404, 40471,
        "Key 'k1' was not deleted first before being permanently deleted");
    assertThat(delete(KEKS + "/k1").status()).isEqualTo(204);
    assertJson(get(KEKS), 200, "[]");
    assertJson(get(KEKS + "?deleted=true"), 200, "[\"k1\"]");
    assertThat(get(KEKS + "/k1?deleted=true").json().get("deleted").asBoolean()).isTrue();
    assertThat(post(KEKS + "/k1/undelete", "").status()).isEqualTo(204);
    assertThat(get(KEKS + "/k1").json().has("deleted")).isFalse();
    // Creating a soft-deleted KEK again with the same fields undeletes it; other fields: 40971.
    assertThat(delete(KEKS + "/k1").status()).isEqualTo(204);
    assertError(post(KEKS, KEK.replace("first", "other")), 409, 40971);
    assertThat(post(KEKS, KEK).status()).isEqualTo(200);
    assertJson(get(KEKS), 200, "[\"k1\"]");
  }

  /** A shared KEK: the registry makes the DEK, wraps it with the KMS and unwraps it for readers. */
  @Test
  void sharedKeksHandOutKeyMaterial() {
    assertThat(post(KEKS + "?testSharing=true", SHARED).status()).isEqualTo(200);
    Reply created = post(KEKS + "/shared/deks", "{\"subject\":\"pay-value\",\"algorithm\":\"AES128_GCM\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String material = created.json().get("keyMaterial").asText();
    assertThat(Base64.getDecoder().decode(material)).hasSize(18); // Tink's AesGcmKey, 16-byte key
    assertThat(created.json().get("encryptedKeyMaterial").asText()).isNotEmpty();
    Reply read = get(KEKS + "/shared/deks/pay-value?algorithm=AES128_GCM");
    assertThat(read.json().get("keyMaterial").asText()).isEqualTo(material);
    assertThat(post(KEKS + "/shared/test", "").status()).isEqualTo(200);
    // testSharing on an update checks the KEK as it would be, before anything is written.
    assertThat(post(KEKS, KEK).status()).isEqualTo(200);
    assertError(put(KEKS + "/k1?testSharing=true", "{\"shared\":true,\"kmsProps\":{\"secret\":\"\"}}"),
        500, 50070);
    assertThat(get(KEKS + "/k1").json().get("shared").asBoolean()).isFalse();
    assertThat(put(KEKS + "/k1?testSharing=true", "{\"shared\":true}").json().get("shared").asBoolean())
        .isTrue();
    // Without a secret the local KMS cannot wrap: testSharing refuses the KEK before it is written.
    assertError(post(KEKS + "?testSharing=true", "{\"name\":\"nosecret\",\"kmsType\":\"local-kms\","
        + "\"kmsKeyId\":\"k\",\"shared\":true}"), 500, 50070);
    assertError(get(KEKS + "/nosecret"), 404, 40470);
  }

  /** Rules name KEKs as kek:NAME; a DEK needs its KEK and its subject; the audit line names both. */
  @Test
  void accessFollowsKekAndSubjectRules() throws Exception {
    Path users = dir.resolve("users.conf");
    Files.writeString(users, "user carol " + PasswordHash.hash("carol-secret".toCharArray(), 1000)
        + "\nuser root " + PasswordHash.hash("root-secret".toCharArray(), 1000) + " admins\n"
        + "allow role:admins all kek:*\nallow role:admins all subject:*\n"
        + "allow user:carol read,write kek:team-*\nallow user:carol read,write subject:team-*\n");
    List<String> audit = new CopyOnWriteArrayList<>();
    server.close();
    serve(setup -> setup.withSecurity(Security.basic(uncheckedOpen(users), "t", List.of()))
        .withOperations(Operations.create(audit::add)));
    String root = auth("root");
    String carol = auth("carol");
    assertThat(send("POST", KEKS, KEK, "Authorization", root).status()).isEqualTo(200);
    assertThat(send("POST", KEKS, KEK.replace("\"k1\"", "\"team-a\""), "Authorization", carol).status())
        .isEqualTo(200);
    assertError(send("POST", KEKS, KEK.replace("\"k1\"", "\"k2\""), "Authorization", carol), 403, 403,
        "User 'carol' may not write KEK 'k2'");
    assertError(send("GET", KEKS + "/k1", null, "Authorization", carol), 404, 40470, "Key 'k1' not found");
    assertJson(send("GET", KEKS, null, "Authorization", carol), 200, "[\"team-a\"]");
    String dek = "{\"subject\":\"%s\",\"encryptedKeyMaterial\":\"AAEC\"}";
    assertThat(send("POST", KEKS + "/team-a/deks", dek.formatted("team-value"), "Authorization", carol)
        .status()).isEqualTo(200);
    assertError(send("POST", KEKS + "/team-a/deks", dek.formatted("other-value"), "Authorization", carol),
        403, 403, "User 'carol' may not write subject 'other-value'");
    assertThat(send("POST", KEKS + "/team-a/deks", dek.formatted("other-value"), "Authorization", root)
        .status()).isEqualTo(200);
    assertError(send("GET", KEKS + "/team-a/deks/other-value", null, "Authorization", carol), 404, 40470,
        "Key 'other-value' not found");
    assertJson(send("GET", KEKS + "/team-a/deks", null, "Authorization", carol), 200, "[\"team-value\"]");
    assertThat(send("GET", KEKS + "/team-a/deks/team-value", null, "Authorization", carol).status())
        .isEqualTo(200);

    // Writes are audited, once answered.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (audit.size() < 6 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(audit).anySatisfy(line -> assertThat(line).contains("principal=carol")
        .contains("method=POST").contains("subject=team-value").contains("kek=team-a"));
    assertThat(audit).anySatisfy(line -> assertThat(line).contains("principal=carol")
        .contains("subject=other-value").contains("kek=team-a").contains("status=403"));
    assertThat(audit).anySatisfy(line -> assertThat(line).contains("method=POST")
        .contains("kek=k2").contains("status=403"));
  }

  private static BasicAuthenticator uncheckedOpen(Path users) {
    try {
      return BasicAuthenticator.open(users);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String auth(String user) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
