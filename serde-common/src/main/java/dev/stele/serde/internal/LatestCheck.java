package dev.stele.serde.internal;

import dev.stele.client.SchemaDefinition;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaReference;
import dev.stele.schema.SchemaSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;

/**
 * {@code latest.compatibility.strict} for a format whose checker is the server's own plugin
 * ({@link SchemaFormat}): can the subject's latest version, as reader, read what the serializer's
 * own schema writes? It is the check the registry makes when the latest is registered BACKWARD
 * over the serializer's schema, with the same code, so client and server give the same verdict
 * and the same reasons. Runs once per topic and type (the serializers cache the outcome).
 */
public record LatestCheck(RegistryAccess registry, SchemaFormat format) {
  /** Deeper reference chains than this are a cycle or a mistake; the registry refuses them too. */
  private static final int MAX_REFERENCE_DEPTH = 32;

  /**
   * Null when {@code latest} can read data written with the serializer's schema, else the
   * checker's reasons (kind, location and message of each incompatibility). The latest's
   * references are fetched from the registry; {@code ownReferences} are the serializer's own,
   * already in hand (e.g. a Protobuf message's imports).
   */
  public String problem(String topic, SchemaDefinition latest, String ownText, List<ResolvedReference> ownReferences) {
    if (!format.type().equals(latest.type())) {
      return "the latest version is not " + format.type() + " but " + latest.type();
    }
    ParsedSchema reader;
    ParsedSchema writer;
    try {
      reader = format.parse(new SchemaSource(latest.text(), resolve(topic, latest.references(), 0), false));
    } catch (InvalidSchemaException e) {
      return "the latest version does not parse: " + e.getMessage();
    }
    try {
      writer = format.parse(new SchemaSource(ownText, ownReferences, false));
    } catch (InvalidSchemaException e) {
      return "this serializer's own schema does not parse: " + e.getMessage();
    }
    CompatibilityResult result = format.checkCanRead(reader, writer, SchemaFormat.Roles.NEW_READS_OLD);
    if (result.isCompatible()) {
      return null;
    }
    // The checker speaks the registry's words, where "new" is the reader: say who is who.
    return result.incompatibilities().stream()
        .map(i -> i.kind().confluentName() + " at " + i.location() + ": " + i.message())
        .collect(Collectors.joining("; ")) + " (new: the latest version, old: this serializer's schema)";
  }

  private List<ResolvedReference> resolve(String topic, List<SchemaReference> references, int depth) {
    if (references.isEmpty()) {
      return List.of();
    }
    if (depth > MAX_REFERENCE_DEPTH) {
      throw new SerializationException(format.type() + " data for topic '" + topic + "': the latest version's"
          + " references nest deeper than " + MAX_REFERENCE_DEPTH + " levels");
    }
    List<ResolvedReference> resolved = new ArrayList<>(references.size());
    for (SchemaReference reference : references) {
      SchemaDefinition target = registry.referenced(topic, reference);
      resolved.add(new ResolvedReference(reference, target.type(), target.text(),
          resolve(topic, target.references(), depth + 1)));
    }
    return resolved;
  }
}
