package dev.stele.cli;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RestClientException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stele delete SUBJECT [--version V] [--permanent]}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = {"Deletes a subject (every version) or one version: soft by default; --permanent"
        + " after a soft delete removes it for good (ids become unreadable)."})
final class DeleteCommand extends RegistryCommand {
  @Parameters(index = "0", paramLabel = "SUBJECT")
  String subject;

  @Option(names = {"-v", "--version"}, paramLabel = "N|latest", description = "Only this version.")
  String version;

  @Option(names = "--permanent", description = "Delete for good (the registry requires a soft delete first).")
  boolean permanent;

  @Override
  int call(CachedSchemaRegistryClient client) throws IOException, RestClientException {
    List<Integer> deleted = version == null ? client.deleteSubject(subject, permanent)
        : List.of(client.deleteVersion(subject, version, permanent));
    output.print(deleted, (permanent ? "permanently deleted " : "soft-deleted ") + subject + " version"
        + (deleted.size() == 1 ? " " : "s ") + deleted);
    return ExitCodes.OK;
  }
}
