package dev.stele.cli;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RestClientException;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stele mode [SUBJECT] [--set MODE]}: reads or sets a mode. */
@Command(name = "mode", mixinStandardHelpOptions = true,
    description = "Prints the mode of SUBJECT (its own; 40409 when it has none) or the global one,"
        + " or sets it with --set READWRITE|READONLY|IMPORT.")
final class ModeCommand extends RegistryCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SUBJECT", description = "Default: the global mode.")
  String subject;

  @Option(names = "--set", paramLabel = "MODE", description = "The registry checks the name (42204).")
  String set;

  @Override
  int call(CachedSchemaRegistryClient client) throws IOException, RestClientException {
    String mode = set == null ? client.getMode(subject) : client.setMode(subject, set.toUpperCase(Locale.ROOT));
    output.print(Map.of("mode", mode), mode);
    return ExitCodes.OK;
  }
}
