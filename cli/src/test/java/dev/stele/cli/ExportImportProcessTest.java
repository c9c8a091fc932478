package dev.stele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.ClientConfig;
import dev.stele.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export, import and migrate between real server processes: a source with two contexts,
 * references, metadata, a rule set, a soft-deleted version, a subject config and a subject mode.
 */
class ExportImportProcessTest {
  static final String ORDER_V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
  static final String ORDER_V2 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
      + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";
  static final String ORDER_V3 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
      + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"},{\"name\":\"n\",\"type\":\"int\",\"default\":0}]}";
  static final String MONEY = "{\"type\":\"record\",\"name\":\"Money\",\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}";
  static final String PAYMENT = "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"amount\",\"type\":\"Money\"}]}";
  /** Schema versions in the source: orders 1-3 (3 soft-deleted), money, payments, the staging order. */
  static final int SCHEMAS = 6;

  @TempDir
  static Path work;

  static ServerProcess source;

  @TempDir
  Path dir;

  @BeforeAll
  static void fillTheSource() throws Exception {
    source = ServerProcess.start(Files.createDirectories(work.resolve("source")), Map.of());
    RegistryRest rest = rest(source);
    register(rest, "orders-value", body(ORDER_V1));
    ObjectNode v2 = body(ORDER_V2);
    v2.putObject("metadata").putObject("properties").put("owner", "team-a");
    v2.putObject("ruleSet").putArray("domainRules").addObject().put("name", "positive").put("kind", "CONDITION")
        .put("mode", "WRITE").put("type", "CEL").put("expr", "message.id > 0");
    register(rest, "orders-value", v2);
    register(rest, "orders-value", body(ORDER_V3));
    rest.delete("/subjects/orders-value/versions/3");
    register(rest, "money", body(MONEY));
    ObjectNode payment = body(PAYMENT);
    payment.putArray("references").addObject().put("name", "Money").put("subject", "money").put("version", 1);
    register(rest, "payments-value", payment);
    register(rest, ":.staging:orders-value", body(ORDER_V2));
    rest.put("/config/orders-value", Dump.MAPPER.createObjectNode().put("compatibility", "FULL"));
    rest.put("/mode/payments-value", Dump.MAPPER.createObjectNode().put("mode", "READONLY"));
  }

  @AfterAll
  static void stop() {
    source.close();
  }

  @Test
  void exportHoldsEverythingAndImportKeepsIdsVersionsDeletesAndSettings() throws Exception {
    Path file = dir.resolve("dump.jsonl");
    Cli.Run exported = Cli.run("export", "-u", source.url(), file.toString());
    assertThat(exported.code()).as(exported.toString()).isZero();
    List<ObjectNode> lines = lines(file);
    assertThat(Dump.kind(lines.get(0))).isEqualTo("header");
    List<ObjectNode> schemas = Importer.of(lines, "schema");
    assertThat(schemas).hasSize(SCHEMAS);
    assertThat(schemas).filteredOn(line -> line.path("deleted").asBoolean()).extracting(Dump.Key::of)
        .containsExactly(new Dump.Key("orders-value", 3));
    // Version 3 inherits version 2's metadata and rule set, as the registry populates them.
    assertThat(schemas).filteredOn(line -> line.has("ruleSet")).extracting(Dump.Key::of)
        .containsExactly(new Dump.Key("orders-value", 2), new Dump.Key("orders-value", 3));
    assertThat(Importer.of(lines, "context")).extracting(line -> line.path("context").asText()).contains(".", ".staging");
    assertThat(lines.toString()).contains("\"subject\":\"orders-value\",\"config\":{\"compatibilityLevel\":\"FULL\"")
        .contains("\"subject\":\"payments-value\",\"mode\":{\"mode\":\"READONLY\"}");

    try (ServerProcess target = ServerProcess.start(Files.createDirectories(dir.resolve("target")), Map.of())) {
      Cli.Run imported = Cli.run("import", "-o", "json", "-u", target.url(), file.toString());
      assertThat(imported.code()).as(imported.toString()).isZero();
      assertThat(imported.json().get("imported").asInt()).isEqualTo(SCHEMAS);
      assertSameVersions(schemas, target);
      RegistryRest rest = rest(target);
      assertThat(rest.get("/config/orders-value").get("compatibilityLevel").asText()).isEqualTo("FULL");
      assertThat(rest.get("/mode/payments-value").get("mode").asText()).isEqualTo("READONLY");
      assertThat(rest.get("/mode").get("mode").asText()).isEqualTo("READWRITE");
      assertThat(rest.get("/subjects/orders-value/versions/2").path("metadata").toString()).contains("team-a");

      Cli.Run again = Cli.run("import", "-o", "json", "-u", target.url(), file.toString());
      assertThat(again.code()).as(again.toString()).isZero();
      assertThat(again.json().get("imported").asInt()).isZero();
      assertThat(again.json().get("skipped").asInt()).isEqualTo(SCHEMAS);
      assertSameVersions(schemas, target);
    }
  }

  @Test
  void anInterruptedImportIsFinishedByRunningItAgain() throws Exception {
    Path file = dir.resolve("dump.jsonl");
    assertThat(Cli.run("export", "-u", source.url(), file.toString()).code()).isZero();
    List<String> all = Files.readAllLines(file);
    // Cut after the header, the contexts and three schema lines: as if the import stopped there.
    int cut = 0;
    for (int schemas = 0; schemas < 3; cut++) {
      schemas += all.get(cut).contains("\"kind\":\"schema\"") ? 1 : 0;
    }
    Path partial = Files.write(dir.resolve("partial.jsonl"), all.subList(0, cut));
    try (ServerProcess target = ServerProcess.start(Files.createDirectories(dir.resolve("resumed")), Map.of())) {
      assertThat(Cli.run("import", "-u", target.url(), partial.toString()).code()).isZero();
      Cli.Run resumed = Cli.run("import", "-o", "json", "-u", target.url(), file.toString());
      assertThat(resumed.code()).as(resumed.toString()).isZero();
      assertThat(resumed.json().get("skipped").asInt()).isEqualTo(3);
      assertThat(resumed.json().get("imported").asInt()).isEqualTo(SCHEMAS - 3);
      assertSameVersions(Importer.of(lines(file), "schema"), target);
    }
  }

  @Test
  void aTargetHoldingAnotherSchemaUnderAnExportedIdStopsTheImport() throws Exception {
    Path file = dir.resolve("dump.jsonl");
    assertThat(Cli.run("export", "-u", source.url(), file.toString()).code()).isZero();
    try (ServerProcess target = ServerProcess.start(Files.createDirectories(dir.resolve("taken")), Map.of())) {
      // Id 1 is the source's first Order; here it is taken by another schema.
      register(rest(target), "other-value", body("\"string\""));
      Cli.Run refused = Cli.run("import", "-u", target.url(), file.toString());
      assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCodes.REGISTRY_ERROR);
      assertThat(refused.err()).contains("orders-value version 1 (id 1) cannot be imported");
      assertThat(rest(target).get("/schemas/ids/1").get("schema").asText()).isEqualTo("\"string\"");
    }
  }

  @Test
  void migrateCopiesAndVerifiesEveryIdAndVersion() throws Exception {
    try (ServerProcess target = ServerProcess.start(Files.createDirectories(dir.resolve("migrated")), Map.of())) {
      Cli.Run migrated = Cli.run("migrate", "-o", "json", "--from", source.url(), "--to", target.url());
      assertThat(migrated.code()).as(migrated.toString()).isZero();
      assertThat(migrated.json().get("schemas").asInt()).isEqualTo(SCHEMAS);
      assertThat(migrated.json().get("mismatches")).isEmpty();
      assertThat(migrated.err()).contains("verify (subjects): every id and version matches");
    }
  }

  @Test
  void aFileThatIsNoExportIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("x.jsonl"), "{\"kind\":\"schema\"}\n");
    Cli.Run run = Cli.run("import", "-u", source.url(), file.toString());
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("not a stele export");
  }

  private static void assertSameVersions(List<ObjectNode> exported, ServerProcess target) throws Exception {
    Map<Dump.Key, ObjectNode> there = new Exporter(rest(target), Workers.pool(2))
        .schemas(new Progress(new java.io.PrintWriter(System.err), "scan", 0, true));
    assertThat(MigrateCommand.verify(exported, there)).isEmpty();
    assertThat(there).hasSize(exported.size());
  }

  private static List<ObjectNode> lines(Path file) throws IOException {
    List<ObjectNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add((ObjectNode) Dump.MAPPER.readTree(line));
    }
    return lines;
  }

  static RegistryRest rest(ServerProcess server) {
    return new RegistryRest(ClientConfig.forUrls(server.url()));
  }

  static ObjectNode body(String schema) {
    return Dump.MAPPER.createObjectNode().put("schema", schema);
  }

  static JsonNode register(RegistryRest rest, String subject, ObjectNode body) throws Exception {
    return rest.post("/subjects/" + RegistryRest.segment(subject) + "/versions", body);
  }
}
