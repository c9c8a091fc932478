package dev.stele.cli;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RestClientException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stele subjects}: the registry's subjects, or one subject's versions. */
@Command(name = "subjects", mixinStandardHelpOptions = true,
    description = "Lists the subjects (every context), or with --versions SUBJECT that subject's versions.")
final class SubjectsCommand extends RegistryCommand {
  @Option(names = "--versions", paramLabel = "SUBJECT", description = "List this subject's live versions.")
  String versionsOf;

  @Override
  int call(CachedSchemaRegistryClient client) throws IOException, RestClientException {
    List<?> list = versionsOf == null ? client.getSubjects() : client.getVersions(versionsOf);
    StringBuilder text = new StringBuilder();
    list.forEach(item -> text.append(text.length() == 0 ? "" : "\n").append(item));
    output.print(list, text.toString());
    return ExitCodes.OK;
  }
}
