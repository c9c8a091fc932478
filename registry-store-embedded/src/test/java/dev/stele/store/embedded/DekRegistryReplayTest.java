package dev.stele.store.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.kms.KmsDrivers;
import dev.stele.kms.local.LocalKmsDriver;
import dev.stele.registry.RegistryNode;
import dev.stele.registry.model.KeyOptions;
import dev.stele.registry.model.KeyRequests;
import dev.stele.registry.model.Keys.Dek;
import dev.stele.registry.model.Keys.Kek;
import dev.stele.registry.model.NodeOptions;
import dev.stele.schema.SchemaFormats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DEK registry on the embedded store: its records sit in the one table, in log order, with
 * the keys Confluent writes to {@code _dek_registry_keys}, and a reopened store has every KEK and
 * DEK as it was (deleted flags and timestamps included).
 */
class DekRegistryReplayTest {
  private static final KeyOptions KEYS = new KeyOptions(KeyOptions.DEFAULT_MAX_KEYS,
      KmsDrivers.of(new LocalKmsDriver(name -> null)));

  @TempDir Path dir;

  private RegistryNode open() {
    return RegistryNode.open(new SqliteRecordLog(dir), SchemaFormats.of(), NodeOptions.DEFAULTS, KEYS);
  }

  @Test
  void keksAndDeksSurviveAReopen() throws Exception {
    Kek kek;
    Dek dek;
    Dek deleted;
    try (RegistryNode node = open()) {
      kek = node.keys().createKek(new KeyRequests.CreateKek("payments", "local-kms", "k1",
          Map.of("secret", "s"), "the payments KEK", true, false)).toCompletableFuture().join();
      dek = node.keys().createDek(new KeyRequests.CreateDek("payments", "orders-value", null, null,
          null, false)).toCompletableFuture().join();
      node.keys().createDek(new KeyRequests.CreateDek("payments", "orders-value", 2, null,
          null, false)).toCompletableFuture().join();
      node.keys().deleteDek(new KeyRequests.DeleteDek("payments", "orders-value", 2, null, false))
          .toCompletableFuture().join();
      deleted = node.keys().dek(new KeyRequests.GetDek("payments", "orders-value", 2, null, true))
          .toCompletableFuture().join();
    }
    try (RegistryNode node = open()) {
      assertThat(node.keys().kek(new KeyRequests.GetKek("payments", false))).isEqualTo(kek);
      assertThat(node.keys().dek(new KeyRequests.GetDek("payments", "orders-value", 1, null, false))
          .toCompletableFuture().join()).isEqualTo(dek);
      assertThat(node.keys().dek(new KeyRequests.GetDek("payments", "orders-value", 2, null, true))
          .toCompletableFuture().join()).isEqualTo(deleted);
      assertThat(node.keys().dekVersions(new KeyRequests.ListDekVersions("payments", "orders-value",
          null, false))).containsExactly(1);
    }
    assertThat(storedKeys()).containsExactly(
        "{\"tenant\":\"default\",\"name\":\"payments\",\"type\":\"KEK\"}",
        "{\"tenant\":\"default\",\"kekName\":\"payments\",\"subject\":\"orders-value\","
            + "\"algorithm\":\"AES256_GCM\",\"version\":1,\"type\":\"DEK\"}",
        "{\"tenant\":\"default\",\"kekName\":\"payments\",\"subject\":\"orders-value\","
            + "\"algorithm\":\"AES256_GCM\",\"version\":2,\"type\":\"DEK\"}",
        "{\"tenant\":\"default\",\"kekName\":\"payments\",\"subject\":\"orders-value\","
            + "\"algorithm\":\"AES256_GCM\",\"version\":2,\"type\":\"DEK\"}");
  }

  /** The raw material of a shared KEK's DEK is never stored: only the wrapped form is. */
  @Test
  void rawKeyMaterialIsNotStored() throws Exception {
    Dek dek;
    try (RegistryNode node = open()) {
      node.keys().createKek(new KeyRequests.CreateKek("k", "local-kms", "k1", Map.of("secret", "s"),
          null, true, false)).toCompletableFuture().join();
      dek = node.keys().createDek(new KeyRequests.CreateDek("k", "s", null, null, null, false))
          .toCompletableFuture().join();
    }
    String values = String.join("\n", storedValues());
    assertThat(values).contains(dek.encryptedKeyMaterial()).doesNotContain(dek.keyMaterial());
  }

  private List<String> storedKeys() throws Exception {
    return column("key");
  }

  private List<String> storedValues() throws Exception {
    return column("value");
  }

  private List<String> column(String name) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteRecordLog.DB_FILE));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + name + " FROM records ORDER BY offset")) {
      while (rs.next()) {
        byte[] bytes = rs.getBytes(1);
        found.add(bytes == null ? "" : new String(bytes, UTF_8));
      }
    }
    return found;
  }
}
