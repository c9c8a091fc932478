package dev.stele.cli;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.RestClientException;
import dev.stele.client.SchemaDefinition;
import java.io.IOException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stele get}: one schema by subject and version, or by id. */
@Command(name = "get", mixinStandardHelpOptions = true,
    description = "Prints a schema: a subject's version (latest by default) or the schema with an id."
        + " Text output is the schema itself, ready to save to a file.")
final class GetCommand extends RegistryCommand {
  @ArgGroup(multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = {"-s", "--subject"}, paramLabel = "SUBJECT", required = true)
    String subject;

    @Option(names = "--id", paramLabel = "ID", required = true)
    Integer id;
  }

  @Option(names = {"-v", "--version"}, paramLabel = "N|latest", defaultValue = "latest",
      description = "With --subject: the version. Default: ${DEFAULT-VALUE}.")
  String version;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "The registry's output format, e.g. resolved (Avro) or serialized (Protobuf).")
  String format;

  @Override
  int call(CachedSchemaRegistryClient client) throws IOException, RestClientException {
    if (which.id != null) {
      SchemaDefinition schema = client.getById(which.id, null, format);
      output.print(schema, schema.text());
      return ExitCodes.OK;
    }
    RegisteredSchema found;
    if ("latest".equalsIgnoreCase(version)) {
      found = format == null ? client.getLatest(which.subject) : client.getVersion(which.subject, -1, format);
    } else {
      try {
        found = client.getVersion(which.subject, Integer.parseInt(version), format);
      } catch (NumberFormatException e) {
        throw new UsageException("--version " + version + ": expected a number or latest");
      }
    }
    output.print(found, found.schema().text());
    return ExitCodes.OK;
  }
}
