package dev.stele.cli;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RestClientException;
import dev.stele.schema.CompatibilityLevel;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stele config [SUBJECT] [--set LEVEL]}: reads or sets a compatibility level. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Prints the compatibility level of SUBJECT (its own; 40408 when it has none) or the"
        + " global one, or sets it with --set.")
final class ConfigCommand extends RegistryCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SUBJECT", description = "Default: the global level.")
  String subject;

  @Option(names = "--set", paramLabel = "LEVEL", converter = Levels.class)
  CompatibilityLevel set;

  @Override
  int call(CachedSchemaRegistryClient client) throws IOException, RestClientException {
    String level = set == null ? client.getCompatibility(subject) : client.setCompatibility(subject, set.name());
    output.print(Map.of("compatibilityLevel", level), level);
    return ExitCodes.OK;
  }
}
