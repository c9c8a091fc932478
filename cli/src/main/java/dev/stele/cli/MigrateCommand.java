package dev.stele.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.ClientConfig;
import dev.stele.client.RestClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stele migrate --from URL --to URL}: export, import and a check that every id and version matches. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Copies one registry into another: export from --from, import into --to (ids and versions"
        + " kept, idempotent), then reads the target back and compares every subject, version, id and"
        + " deleted state.", "Exit 0 when everything matches, 1 when the verification finds a difference."})
final class MigrateCommand implements Callable<Integer> {
  @Option(names = "--from", paramLabel = "URL", split = ",", description = "The source registry.")
  List<String> fromUrls;

  @Option(names = "--from-config", paramLabel = "FILE", description = "Client properties for the source.")
  Path fromConfig;

  @Option(names = "--from-property", paramLabel = "KEY=VALUE", description = "One client property for the source.")
  Map<String, String> fromProperties;

  @Option(names = "--to", paramLabel = "URL", split = ",", description = "The target registry.")
  List<String> toUrls;

  @Option(names = "--to-config", paramLabel = "FILE", description = "Client properties for the target.")
  Path toConfig;

  @Option(names = "--to-property", paramLabel = "KEY=VALUE", description = "One client property for the target.")
  Map<String, String> toProperties;

  @Option(names = "--parallel", defaultValue = "8", paramLabel = "N",
      description = "Requests in flight on each side. Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Mixin
  Output output;

  /** The answer: what was copied and what differs afterwards (empty when all matches). */
  record Result(int schemas, int imported, int skipped, List<String> mismatches) {}

  @Override
  public Integer call() throws IOException, RestClientException {
    if (fromUrls == null && fromConfig == null || toUrls == null && toConfig == null) {
      throw new UsageException("migrate needs a source (--from or --from-config) and a target (--to or --to-config)");
    }
    RegistryRest source = new RegistryRest(ClientConfig.fromMap(
        RegistryOptions.settings(fromConfig, fromProperties, fromUrls)));
    RegistryRest target = new RegistryRest(ClientConfig.fromMap(
        RegistryOptions.settings(toConfig, toProperties, toUrls)));
    ExecutorService pool = Workers.pool(parallel);
    try {
      List<ObjectNode> lines = new ArrayList<>();
      Progress exported = new Progress(output.err(), "export (subjects)", 0, false);
      new Exporter(source, pool).export(lines::add, exported);
      List<ObjectNode> schemas = Importer.of(lines, "schema");
      exported.finish(schemas.size() + " schema versions from " + source.url());
      Importer.Counts counts = ImportCommand.run(target, pool, lines, output);
      Progress verified = new Progress(output.err(), "verify (subjects)", 0, false);
      List<String> mismatches = verify(schemas, new Exporter(target, pool).schemas(verified));
      verified.finish(mismatches.isEmpty() ? "every id and version matches" : mismatches.size() + " differences");
      Result result = new Result(schemas.size(), counts.imported(), counts.skipped(), mismatches);
      StringBuilder text = new StringBuilder("migrated " + schemas.size() + " schema versions from "
          + source.url() + " to " + target.url() + ": ");
      text.append(mismatches.isEmpty() ? "every id and version matches" : mismatches.size() + " differences:");
      mismatches.stream().limit(20).forEach(line -> text.append("\n  ").append(line));
      output.print(result, text.toString());
      return mismatches.isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPATIBLE;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every exported version must be on the target at the same subject and version, with its id and deleted state. */
  static List<String> verify(List<ObjectNode> exported, Map<Dump.Key, ObjectNode> onTarget) {
    List<String> mismatches = new ArrayList<>();
    for (ObjectNode line : exported) {
      Dump.Key key = Dump.Key.of(line);
      ObjectNode there = onTarget.get(key);
      if (there == null) {
        mismatches.add(key + ": missing on the target");
        continue;
      }
      Map<String, Object> expected = facts(line);
      Map<String, Object> actual = facts(there);
      if (!expected.equals(actual)) {
        mismatches.add(key + ": expected " + expected + ", the target has " + actual);
      }
    }
    return mismatches;
  }

  private static Map<String, Object> facts(ObjectNode line) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("id", line.path("id").asInt());
    facts.put("deleted", line.path("deleted").asBoolean());
    facts.put("schema", line.path("schema").asText());
    return facts;
  }
}
