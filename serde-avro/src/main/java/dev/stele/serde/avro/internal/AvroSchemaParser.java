package dev.stele.serde.avro.internal;

import dev.stele.client.SchemaDefinition;
import dev.stele.schema.SchemaReference;
import dev.stele.serde.internal.RegistryAccess;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Parses a registry schema into Avro, fetching what it references first so named types
 * resolve. Defaults are not validated, as the registry accepted the schema already.
 */
public final class AvroSchemaParser {
  private AvroSchemaParser() {}

  public static Schema parse(RegistryAccess registry, String topic, SchemaDefinition definition, String context) {
    if (!SchemaDefinition.AVRO.equals(definition.type())) {
      throw new SerializationException(context + ": the schema is of type " + definition.type() + ", not AVRO");
    }
    Schema.Parser parser = new Schema.Parser().setValidateDefaults(false);
    try {
      addReferences(registry, topic, definition, parser, new HashSet<>());
      return parser.parse(definition.text());
    } catch (SchemaParseException e) {
      throw new SerializationException(context + ": the registry's schema is not valid Avro: " + e.getMessage(), e);
    }
  }

  private static void addReferences(RegistryAccess registry, String topic, SchemaDefinition definition,
      Schema.Parser parser, Set<String> seen) {
    for (SchemaReference reference : definition.references()) {
      if (!seen.add(reference.subject() + "/" + reference.version())) {
        continue;
      }
      SchemaDefinition referenced = registry.referenced(topic, reference);
      addReferences(registry, topic, referenced, parser, seen);
      parser.parse(referenced.text());
    }
  }
}
