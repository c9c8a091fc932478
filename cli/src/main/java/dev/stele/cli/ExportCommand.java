package dev.stele.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stele.client.RestClientException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;

/** {@code stele export FILE}: everything a registry holds, as JSON lines. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Writes every context, subject, version (soft-deleted ones too) with its id, references,"
        + " metadata and rule set, and every config and mode into FILE, one JSON object a line"
        + " ('-' for stdout).")
final class ExportCommand extends DumpCommand {
  @Override
  public Integer call() throws IOException, RestClientException {
    RegistryRest rest = rest();
    boolean toStdout = file.equals("-");
    // Written to a temporary file first: an interrupted export never leaves a plausible half file.
    Path target = toStdout ? null : Path.of(file);
    Path partial = toStdout ? null : target.resolveSibling(target.getFileName() + ".partial");
    AtomicInteger schemas = new AtomicInteger();
    AtomicInteger lines = new AtomicInteger();
    Progress progress = new Progress(output.err(), "export (subjects)", 0, toStdout);
    ExecutorService pool = pool();
    try (Writer writer = toStdout ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
        : Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      Writer out = toStdout ? new BufferedWriter(writer) : writer;
      new Exporter(rest, pool).export(line -> {
        try {
          out.write(Dump.MAPPER.writeValueAsString(line));
          out.write('\n');
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        lines.incrementAndGet();
        if (Dump.kind(line).equals("schema")) {
          schemas.incrementAndGet();
        }
      }, progress);
      out.flush();
    } catch (UncheckedIOException e) {
      throw new UsageException("cannot write " + file + ": " + e.getCause().getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    if (!toStdout) {
      Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    progress.finish(schemas.get() + " schema versions, " + lines.get() + " lines");
    if (!toStdout) {
      output.print(Map.of("file", file, "schemas", schemas.get(), "lines", lines.get()),
          "exported " + schemas.get() + " schema versions from " + rest.url() + " to " + file);
    }
    return ExitCodes.OK;
  }
}
