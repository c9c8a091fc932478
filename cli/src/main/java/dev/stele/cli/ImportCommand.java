package dev.stele.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.RestClientException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;

/** {@code stele import FILE}: an export written into a registry, ids and versions kept. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Imports an export ('-' for stdin) with every id and version kept: sets IMPORT mode"
        + " (forced), registers each version, soft-deletes what was deleted, then restores configs and modes.",
        "Idempotent and resumable: what the target holds identically is skipped. A version the target"
            + " holds under another id stops the import (exit 3) without overwriting anything."})
final class ImportCommand extends DumpCommand {
  @Override
  public Integer call() throws IOException, RestClientException {
    List<ObjectNode> lines = read(file);
    RegistryRest rest = rest();
    ExecutorService pool = pool();
    try {
      Importer.Counts counts = run(rest, pool, lines, output);
      output.print(counts, "imported " + counts.imported() + " schema versions into " + rest.url()
          + " (" + counts.skipped() + " already there, " + counts.deleted() + " soft-deleted as in the export)");
    } finally {
      pool.shutdownNow();
    }
    return ExitCodes.OK;
  }

  static Importer.Counts run(RegistryRest rest, ExecutorService pool, List<ObjectNode> lines, Output output)
      throws IOException, RestClientException {
    Progress scan = new Progress(output.err(), "import: reading the target", 0, false);
    Progress progress = new Progress(output.err(), "import", 0, false);
    Importer.Counts counts = new Importer(rest, pool).run(lines, scan, progress);
    progress.finish(counts.imported() + " imported, " + counts.skipped() + " already there");
    return counts;
  }

  private static List<ObjectNode> read(String file) {
    try (BufferedReader reader = file.equals("-")
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      return Dump.read(reader, file);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + file, e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
