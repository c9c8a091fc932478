package dev.stele.cli;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.RestClientException;
import dev.stele.client.SchemaDefinition;
import dev.stele.schema.SchemaReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stele register SUBJECT FILE}: registers (or finds) the schema and prints where it is. */
@Command(name = "register", mixinStandardHelpOptions = true,
    description = "Registers the schema in FILE under SUBJECT (or finds it there) and prints its id and version.")
final class RegisterCommand extends RegistryCommand {
  @Parameters(index = "0", paramLabel = "SUBJECT")
  String subject;

  @Parameters(index = "1", paramLabel = "FILE")
  Path file;

  @Mixin
  SchemaTypeOption schemaType;

  @Option(names = {"-r", "--reference"}, paramLabel = "NAME=SUBJECT:VERSION",
      description = "A registered schema this one imports, e.g. -r common.proto=common-value:1.")
  Map<String, String> references;

  @Option(names = "--normalize", description = "Let the registry normalize the schema first.")
  boolean normalize;

  @Override
  int call(CachedSchemaRegistryClient client) throws IOException, RestClientException {
    String type = schemaType.type != null ? schemaType.type.toUpperCase(Locale.ROOT)
        : LocalSchemas.of(null, file, null).format().type();
    SchemaDefinition schema = new SchemaDefinition(type, LocalSchemas.read(file), references());
    int id = client.register(subject, schema, normalize);
    // The register answer of older registries holds only the id; the lookup gives the version.
    RegisteredSchema registered = client.lookup(subject, schema, normalize);
    output.print(Map.of("subject", subject, "id", id, "version", registered.version()),
        "registered under " + subject + ": id " + id + ", version " + registered.version());
    return ExitCodes.OK;
  }

  private List<SchemaReference> references() {
    List<SchemaReference> list = new ArrayList<>();
    if (references != null) {
      references.forEach((name, target) -> {
        int colon = target.lastIndexOf(':');
        try {
          list.add(new SchemaReference(name, target.substring(0, colon),
              Integer.parseInt(target.substring(colon + 1))));
        } catch (RuntimeException e) {
          throw new UsageException("--reference " + name + "=" + target + ": expected NAME=SUBJECT:VERSION");
        }
      });
    }
    return list;
  }
}
