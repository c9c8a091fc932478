package dev.stele.cli;

import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityPolicy;
import dev.stele.schema.ParsedSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stele check}: the registry's compatibility verdict on local files, with no server. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks a new schema against earlier versions held in files, as the registry would"
        + " on registration, and prints its messages. No server is needed.",
        "Exit 0 compatible, 1 incompatible, 2 a file cannot be read or parsed."})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  SchemaTypeOption schemaType;

  @Option(names = {"-l", "--level"}, defaultValue = "BACKWARD", paramLabel = "LEVEL",
      converter = Levels.class, description = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,"
          + " FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE (any case). Default: ${DEFAULT-VALUE}.")
  CompatibilityLevel level;

  @Option(names = {"-p", "--policy"}, defaultValue = "STRICT", paramLabel = "POLICY",
      converter = Policies.class, description = "STRICT or LENIENT (any case), as a subject's"
          + " compatibilityPolicy: LENIENT counts more JSON Schema changes compatible; Avro and"
          + " Protobuf check it as STRICT. Default: ${DEFAULT-VALUE}.")
  CompatibilityPolicy policy;

  @Option(names = {"-r", "--reference"}, paramLabel = "NAME=FILE",
      description = "A schema the others import, by the name they use (a .proto import path, an Avro"
          + " full name, a JSON $ref).")
  Map<String, Path> references;

  @Parameters(index = "0", paramLabel = "NEW", description = "The schema to check.")
  Path candidate;

  @Parameters(index = "1..*", paramLabel = "PREVIOUS",
      description = "Earlier versions, oldest first (version 1, 2, ...). None: compatible.")
  List<Path> previous = List.of();

  @Mixin
  Output output;

  @Override
  public Integer call() {
    LocalSchemas schemas = LocalSchemas.of(schemaType.type, candidate, references);
    ParsedSchema parsed = schemas.parse(candidate);
    LocalCheck.Verdict verdict = LocalCheck.check(schemas.format(), parsed, schemas.parseAll(previous), level,
        policy);
    StringBuilder text = new StringBuilder(verdict.compatible() ? "compatible" : "incompatible");
    text.append(" (").append(level).append(policy == CompatibilityPolicy.STRICT ? "" : ", " + policy).append(", ").append(previous.size()).append(" previous version")
        .append(previous.size() == 1 ? ")" : "s)");
    verdict.messages().forEach(message -> text.append("\n  ").append(message));
    output.print(verdict, text.toString());
    return verdict.compatible() ? ExitCodes.OK : ExitCodes.INCOMPATIBLE;
  }
}
