package dev.stele.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.RestClientException;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityPolicy;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stele diff}: two schema files, or two registered versions of a subject, compared both
 * ways with the registry's messages, and what changed between their normalized forms.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compares two schema files (or, with --subject, two registered versions) both ways:"
        + " can the new one read data written with the old (backward), can the old one read the new"
        + " one's (forward), and why not; and shows what changed, as a unified diff of the normalized"
        + " schemas. Files need no server; versions are read from the registry (-u/-c/-P) and judged here.",
        "Exit 0 when compatible both ways (FULL), 1 otherwise, 2 when a file cannot be read or parsed,"
            + " 3 on a registry error, 4 when the registry cannot be reached."})
final class DiffCommand implements Callable<Integer> {
  @Mixin
  SchemaTypeOption schemaType;

  @Option(names = {"-r", "--reference"}, paramLabel = "NAME=FILE",
      description = "A schema both import, by the name they use.")
  Map<String, Path> references;

  @Option(names = {"-s", "--subject"}, paramLabel = "SUBJECT",
      description = "OLD and NEW are versions of this subject (numbers or latest), read from the registry.")
  String subject;

  @Parameters(index = "0", paramLabel = "OLD", description = "A schema file, or a version with --subject.")
  String old;

  @Parameters(index = "1", paramLabel = "NEW", description = "A schema file, or a version with --subject.")
  String candidate;

  @Mixin
  RegistryOptions registry;

  @Mixin
  Output output;

  /**
   * The answer: whether the normalized texts are equal, the unified diff of them, and each
   * direction's verdict.
   */
  record Diff(boolean identical, List<String> changes, LocalCheck.Verdict backward, LocalCheck.Verdict forward) {
    @JsonProperty("full")
    boolean full() {
      return backward.compatible() && forward.compatible();
    }
  }

  @Override
  public Integer call() throws IOException, RestClientException {
    if (subject != null) {
      if (references != null || schemaType.type != null) {
        throw new UsageException("--type and --reference are for files; registered versions carry their own");
      }
      try (CachedSchemaRegistryClient client = registry.client()) {
        RegisteredSchema before = RegisteredSchemas.version(client, subject, old);
        RegisteredSchema after = RegisteredSchemas.version(client, subject, candidate);
        SchemaFormat format = SchemaFormats.load().find(after.schema().type()).orElseThrow(() ->
            new UsageException("this tool has no format for schema type " + after.schema().type()));
        if (!before.schema().type().equals(after.schema().type())) {
          throw new UsageException("version " + before.version() + " is " + before.schema().type()
              + " and version " + after.version() + " is " + after.schema().type() + ": nothing to compare");
        }
        return compare(format, RegisteredSchemas.parse(client, format, before),
            RegisteredSchemas.parse(client, format, after));
      }
    }
    Path oldFile = Path.of(old);
    LocalSchemas schemas = LocalSchemas.of(schemaType.type, oldFile, references);
    return compare(schemas.format(), schemas.parse(oldFile), schemas.parse(Path.of(candidate)));
  }

  private int compare(SchemaFormat format, ParsedSchema before, ParsedSchema after) {
    List<String> changes = TextDiff.lines(before, after);
    Diff diff = new Diff(changes.isEmpty(), changes,
        LocalCheck.check(format, after, List.of(before), CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT),
        LocalCheck.check(format, after, List.of(before), CompatibilityLevel.FORWARD, CompatibilityPolicy.STRICT));
    StringBuilder text = new StringBuilder(diff.identical() ? "identical (normalized)\n" : "");
    changes.forEach(line -> text.append(line).append('\n'));
    direction(text, "backward (new reads old)", diff.backward());
    direction(text, "forward (old reads new)", diff.forward());
    text.append("full: ").append(diff.full() ? "compatible" : "incompatible");
    output.print(diff, text.toString());
    return diff.full() ? ExitCodes.OK : ExitCodes.INCOMPATIBLE;
  }

  private static void direction(StringBuilder text, String name, LocalCheck.Verdict verdict) {
    text.append(name).append(": ").append(verdict.compatible() ? "compatible" : "incompatible").append('\n');
    // The quoted old schema and config echo are the registry's framing; a diff shows the reasons.
    verdict.messages().stream()
        .filter(message -> !message.startsWith("{oldSchema") && !message.startsWith("{validateFields"))
        .forEach(message -> text.append("  ").append(message).append('\n'));
  }
}
