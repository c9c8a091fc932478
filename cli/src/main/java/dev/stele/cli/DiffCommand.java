package dev.stele.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.ParsedSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stele diff}: two schema files compared both ways, with the registry's messages. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compares two schema files both ways: can the new one read data written with the old"
        + " (backward), can the old one read the new one's (forward), and why not. No server is needed.",
        "Exit 0 when compatible both ways (FULL), 1 otherwise, 2 when a file cannot be read or parsed."})
final class DiffCommand implements Callable<Integer> {
  @Option(names = {"-t", "--type"}, paramLabel = "AVRO|JSON|PROTOBUF",
      description = "The schema type. Default: from the file name (.avsc, .json, .proto).")
  String type;

  @Option(names = {"-r", "--reference"}, paramLabel = "NAME=FILE",
      description = "A schema both import, by the name they use.")
  Map<String, Path> references;

  @Parameters(index = "0", paramLabel = "OLD")
  Path old;

  @Parameters(index = "1", paramLabel = "NEW")
  Path candidate;

  @Mixin
  Output output;

  /** The answer: whether the canonical texts are equal, and each direction's verdict. */
  record Diff(boolean identical, LocalCheck.Verdict backward, LocalCheck.Verdict forward) {
    @JsonProperty("full")
    boolean full() {
      return backward.compatible() && forward.compatible();
    }
  }

  @Override
  public Integer call() {
    LocalSchemas schemas = LocalSchemas.of(type, old, references);
    ParsedSchema before = schemas.parse(old);
    ParsedSchema after = schemas.parse(candidate);
    Diff diff = new Diff(before.normalize().canonical().equals(after.normalize().canonical()),
        LocalCheck.check(schemas.format(), after, List.of(before), CompatibilityLevel.BACKWARD),
        LocalCheck.check(schemas.format(), after, List.of(before), CompatibilityLevel.FORWARD));
    StringBuilder text = new StringBuilder(diff.identical() ? "identical (normalized)\n" : "");
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
