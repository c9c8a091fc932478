package dev.stele.serde.jsonschema.internal;

import dev.stele.client.SchemaDefinition;
import dev.stele.schema.SchemaReference;
import dev.stele.serde.internal.RegistryAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The texts of the schemas a JSON schema references, theirs included, by reference name: what
 * {@link Validators#build(com.fasterxml.jackson.databind.JsonNode, Map)} serves to {@code $ref}s.
 * Fetched through the client's caches, so each is read from the registry once.
 */
public final class JsonReferences {
  private JsonReferences() {}

  public static Map<String, String> of(RegistryAccess registry, String topic, SchemaDefinition root) {
    Map<String, String> texts = new LinkedHashMap<>();
    add(registry, topic, root, texts);
    return texts;
  }

  private static void add(RegistryAccess registry, String topic, SchemaDefinition schema, Map<String, String> texts) {
    for (SchemaReference reference : schema.references()) {
      if (texts.containsKey(reference.name())) {
        continue; // shared, or a cycle: one text per name
      }
      SchemaDefinition referenced = registry.referenced(topic, reference);
      texts.put(reference.name(), referenced.text());
      add(registry, topic, referenced, texts);
    }
  }
}
