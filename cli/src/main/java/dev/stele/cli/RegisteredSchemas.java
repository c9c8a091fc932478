package dev.stele.cli;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.RestClientException;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaReference;
import dev.stele.schema.SchemaSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Versions read from a registry and parsed here, by the same format modules as local files, with
 * their references read from the registry too (each reference's own references as well), so that
 * a diff of two registered versions is judged exactly as a diff of two files.
 */
final class RegisteredSchemas {
  /** Deeper than any real chain; a cycle in a registry's references must not recurse forever. */
  private static final int MAX_DEPTH = 64;

  private RegisteredSchemas() {}

  /** A version number, or {@code latest}; anything else is a usage error. */
  static RegisteredSchema version(CachedSchemaRegistryClient client, String subject, String version)
      throws IOException, RestClientException {
    if (version.equalsIgnoreCase("latest")) {
      return client.getLatest(subject);
    }
    try {
      return client.getVersion(subject, Integer.parseInt(version), null);
    } catch (NumberFormatException e) {
      throw new UsageException("'" + version + "' is not a version: give a number or latest", e);
    }
  }

  static ParsedSchema parse(CachedSchemaRegistryClient client, SchemaFormat format, RegisteredSchema registered)
      throws IOException, RestClientException {
    SchemaSource source = new SchemaSource(registered.schema().text(),
        resolve(client, registered.schema().references(), 0), true);
    try {
      return format.parse(source);
    } catch (InvalidSchemaException e) {
      throw new UsageException(registered.subject() + " version " + registered.version()
          + ": Invalid schema of type " + format.type() + ", details: " + e.getMessage(), e);
    }
  }

  private static List<ResolvedReference> resolve(CachedSchemaRegistryClient client,
      List<SchemaReference> references, int depth) throws IOException, RestClientException {
    if (depth > MAX_DEPTH) {
      throw new UsageException("references nest deeper than " + MAX_DEPTH + " (a cycle?)");
    }
    List<ResolvedReference> resolved = new ArrayList<>();
    for (SchemaReference reference : references) {
      RegisteredSchema target = client.getVersion(reference.subject(), reference.version(), null);
      resolved.add(new ResolvedReference(reference, target.schema().type(), target.schema().text(),
          resolve(client, target.schema().references(), depth + 1)));
    }
    return resolved;
  }
}
