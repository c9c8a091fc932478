package dev.stele.registry;

import static dev.stele.registry.Nodes.await;
import static dev.stele.registry.Nodes.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.kms.DekFormat;
import dev.stele.kms.KmsDrivers;
import dev.stele.kms.KmsKey;
import dev.stele.kms.local.LocalKmsDriver;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.KeyOptions;
import dev.stele.registry.model.KeyRequests;
import dev.stele.registry.model.Keys.Dek;
import dev.stele.registry.model.Keys.Kek;
import dev.stele.registry.model.Versions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DEK registry's rules over a real node (memory log), with the real local KMS driver. */
class KeyRegistryServiceTest {
  private static final LocalKmsDriver LOCAL = new LocalKmsDriver(name -> null);
  private static final Map<String, String> SECRET = Map.of("secret", "s3cr3t");

  private Nodes nodes = new Nodes(new MemoryLog(), new KeyOptions(3, KmsDrivers.of(LOCAL)));

  private KeyRegistry keys() {
    return nodes.node.keys();
  }

  private Kek createKek(String name, boolean shared) {
    return await(keys().createKek(new KeyRequests.CreateKek(name, "local-kms", "key-" + name,
        SECRET, "doc", shared, false)));
  }

  private Dek createDek(String kek, String subject, Integer version, String material) {
    return await(keys().createDek(new KeyRequests.CreateDek(kek, subject, version, null, material, false)));
  }

  private Dek dek(String kek, String subject, int version, boolean deleted) {
    return await(keys().dek(new KeyRequests.GetDek(kek, subject, version, null, deleted)));
  }

  @Test
  void keksAreCreatedOnceAndUpdated() {
    Kek kek = createKek("k1", false);
    assertThat(kek.kmsProps()).isEqualTo(SECRET);
    assertThat(kek.redacted().kmsProps()).isEmpty();
    assertThat(kek.ts()).isPositive();
    failsWith(ErrorCode.KEY_ALREADY_EXISTS, () -> createKek("k1", false))
        .hasMessage("Key 'k1' already exists; use a different value");
    // An update that sends back what it read (no secret) keeps the secret.
    Kek updated = await(keys().updateKek(new KeyRequests.UpdateKek("k1", Map.of("region", "x"), null, true)));
    assertThat(updated.kmsProps()).containsEntry("secret", "s3cr3t").containsEntry("region", "x");
    assertThat(updated.shared()).isTrue();
    assertThat(updated.doc()).isEqualTo("doc");
    failsWith(ErrorCode.KEY_NOT_FOUND, () -> await(keys().updateKek(
        new KeyRequests.UpdateKek("nope", null, null, null)))).hasMessage("Key 'nope' not found");
    assertThat(keys().kekNames(new KeyRequests.ListKeks(false))).containsExactly("k1");
  }

  @Test
  void aSharedKekNeedsADriverForItsKmsType() {
    failsWith(ErrorCode.INVALID_KEY, () -> await(keys().createKek(new KeyRequests.CreateKek(
        "k", "aws-kms", "arn", Map.of(), null, true, false))))
        .hasMessageContaining("field 'kmsType'").hasMessageContaining("no KMS driver for 'aws-kms'");
    // Not shared: the clients wrap, so the registry needs no driver. Spellings are Confluent's.
    Kek aws = await(keys().createKek(new KeyRequests.CreateKek("k", "AWS", "arn", null, null, false, false)));
    assertThat(aws.kmsType()).isEqualTo("aws-kms");
  }

  @Test
  void aKekWithDeksIsDeletedOnlyAfterThem() {
    createKek("k1", false);
    createDek("k1", "s", null, "AAEC");
    failsWith(ErrorCode.KEY_REFERENCE_EXISTS, () -> await(keys().deleteKek(new KeyRequests.DeleteKek("k1", false))))
        .hasMessage("One or more references exist to the key 'k1'");
    await(keys().deleteDek(new KeyRequests.DeleteDek("k1", "s", null, null, false)));
    await(keys().deleteKek(new KeyRequests.DeleteKek("k1", false)));
    failsWith(ErrorCode.KEY_NOT_FOUND, () -> keys().kek(new KeyRequests.GetKek("k1", false)));
    assertThat(keys().kek(new KeyRequests.GetKek("k1", true)).deleted()).isTrue();
    // A soft-deleted DEK still holds the KEK back from a permanent delete.
    failsWith(ErrorCode.KEY_REFERENCE_EXISTS, () -> await(keys().deleteKek(new KeyRequests.DeleteKek("k1", true))));
    failsWith(ErrorCode.KEY_SOFT_DELETED, () -> await(keys().undeleteDek(new KeyRequests.UndeleteDek("k1", "s", null, null))))
        .hasMessage("Key 'k1' must be undeleted first");
    await(keys().deleteDek(new KeyRequests.DeleteDek("k1", "s", null, null, true)));
    await(keys().deleteKek(new KeyRequests.DeleteKek("k1", true)));
    failsWith(ErrorCode.KEY_NOT_FOUND, () -> keys().kek(new KeyRequests.GetKek("k1", true)));
  }

  @Test
  void aPermanentDeleteNeedsASoftOne() {
    createKek("k1", false);
    failsWith(ErrorCode.KEY_NOT_SOFT_DELETED, () -> await(keys().deleteKek(new KeyRequests.DeleteKek("k1", true))))
        .hasMessage("Key 'k1' was not deleted first before being permanently deleted");
    createDek("k1", "s", 1, "AAEC");
    failsWith(ErrorCode.KEY_NOT_SOFT_DELETED, () -> await(keys().deleteDek(
        new KeyRequests.DeleteDek("k1", "s", 1, null, true))));
  }

  @Test
  void dekVersionsAreListedDeletedAndUndeleted() {
    createKek("k1", false);
    createDek("k1", "s", null, "AAEC");
    createDek("k1", "s", 2, "AAED");
    createDek("k1", "t", null, "AAEE");
    failsWith(ErrorCode.KEY_ALREADY_EXISTS, () -> createDek("k1", "s", 2, "AAED")).hasMessage("Key 's' already exists; use a different value");
    failsWith(ErrorCode.INVALID_KEY, () -> createDek("k1", "u", null, null))
        .hasMessage("Invalid or missing value for field 'encryptedKeyMaterial' of key");
    assertThat(keys().dekSubjects(new KeyRequests.ListDekSubjects("k1", false))).containsExactly("s", "t");
    assertThat(keys().dekVersions(new KeyRequests.ListDekVersions("k1", "s", null, false))).containsExactly(1, 2);
    assertThat(dek("k1", "s", Versions.LATEST, false).version()).isEqualTo(2);
    assertThat(dek("k1", "s", 1, false).keyMaterial()).isNull(); // not shared: the server cannot unwrap

    await(keys().deleteDek(new KeyRequests.DeleteDek("k1", "s", 2, null, false)));
    assertThat(dek("k1", "s", Versions.LATEST, false).version()).isEqualTo(1);
    assertThat(dek("k1", "s", 2, true).deleted()).isTrue();
    failsWith(ErrorCode.KEY_NOT_FOUND, () -> dek("k1", "s", 2, false)).hasMessage("Key 's' not found");
    failsWith(ErrorCode.KEY_NOT_FOUND, () -> dek("k2", "s", 1, false)).hasMessage("Key 'k2' not found");
    // The algorithm is part of the key: AES256_SIV has none for s.
    failsWith(ErrorCode.KEY_NOT_FOUND, () -> await(keys().dek(
        new KeyRequests.GetDek("k1", "s", 1, DekFormat.AES256_SIV, false))));
    await(keys().undeleteDek(new KeyRequests.UndeleteDek("k1", "s", null, null)));
    assertThat(keys().dekVersions(new KeyRequests.ListDekVersions("k1", "s", null, false))).containsExactly(1, 2);
  }

  /** The registry makes and wraps the DEK of a shared KEK, and unwraps it for readers. */
  @Test
  void sharedKeksGetGeneratedDeks() throws Exception {
    createKek("shared", true);
    Dek created = createDek("shared", "orders-value", null, null);
    assertThat(created.algorithm()).isEqualTo(DekFormat.AES256_GCM);
    byte[] raw = Base64.getDecoder().decode(created.keyMaterial());
    assertThat(raw).hasSize(34);
    byte[] unwrapped = LOCAL.unwrap(KmsKey.of("local-kms", "key-shared", SECRET),
        Base64.getDecoder().decode(created.encryptedKeyMaterial()));
    assertThat(unwrapped).isEqualTo(raw);
    assertThat(dek("shared", "orders-value", 1, false).keyMaterial()).isEqualTo(created.keyMaterial());
  }

  /** In IMPORT mode a created DEK is answered without its raw material, as Confluent does. */
  @Test
  void importedDeksAreAnsweredWithoutRawMaterial() {
    createKek("shared", true);
    nodes.mode("imported-value", "IMPORT");
    Dek created = createDek("shared", "imported-value", null, null);
    assertThat(created.keyMaterial()).isNull();
    assertThat(created.encryptedKeyMaterial()).isNotEmpty();
    assertThat(dek("shared", "imported-value", 1, false).keyMaterial()).isNotNull();
  }

  @Test
  void maxKeysBoundsKeksAndDeks() {
    for (String name : List.of("a", "b", "c", "d")) {
      createKek(name, false);
    }
    failsWith(ErrorCode.TOO_MANY_KEYS, () -> createKek("e", false)).hasMessage("A maximum of 3 keys already exist");
  }

  /** Records survive a restart: the state is rebuilt from the log, deleted flags and ts included. */
  @Test
  void keysAreReplayed() {
    Kek kek = createKek("k1", true);
    Dek dek = createDek("k1", "s", null, null);
    await(keys().deleteDek(new KeyRequests.DeleteDek("k1", "s", null, null, false)));
    nodes = nodes.restart();
    // (MemoryLog keeps no timestamps; the SQLite store's replay test checks ts.)
    assertThat(keys().kek(new KeyRequests.GetKek("k1", false)))
        .usingRecursiveComparison().ignoringFields("ts").isEqualTo(kek);
    Dek replayed = dek("k1", "s", 1, true);
    assertThat(replayed.deleted()).isTrue();
    assertThat(replayed.encryptedKeyMaterial()).isEqualTo(dek.encryptedKeyMaterial());
    assertThat(replayed.keyMaterial()).isEqualTo(dek.keyMaterial());
  }
}
