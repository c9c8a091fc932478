package dev.stele.serde.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * networknt validators for data. Schemas without {@code $schema} are read as draft-07, as
 * Confluent's provider does. A {@code $ref} to a referenced schema is served its registered text;
 * other remote {@code $ref}s are never fetched: a serializer must not depend on the network
 * beyond the registry. A built validator is thread-safe.
 */
public final class Validators {
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .formatAssertionsEnabled(false)
      .build();

  private Validators() {}

  public static JsonSchema build(JsonNode schema) {
    return build(schema, Map.of());
  }

  /**
   * @param referenced the schemas this one's references name (theirs too), by reference name:
   *     a {@code $ref} to {@code address.json} is served the text registered under that name, as
   *     Confluent's serdes resolve references, and never fetched
   */
  public static JsonSchema build(JsonNode schema, Map<String, String> referenced) {
    VersionFlag version = SpecVersionDetector.detectOptionalVersion(schema, false).orElse(VersionFlag.V7);
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version,
        builder -> builder.schemaLoaders(loaders -> loaders.add(iri -> load(iri, referenced))));
    JsonSchema validator = factory.getSchema(schema, CONFIG);
    validator.initializeValidators();
    return validator;
  }

  /** The first few violations, or an empty list when the data is valid. */
  public static List<String> problems(JsonSchema validator, JsonNode data) {
    Set<ValidationMessage> messages = validator.validate(data);
    return messages.stream().limit(5).map(ValidationMessage::getMessage).collect(Collectors.toList());
  }

  private static InputStreamSource load(AbsoluteIri iri, Map<String, String> referenced) {
    String text = referenced.get(iri.toString());
    if (text == null) {
      // A relative $ref is resolved against the root's base IRI first: match on the name it ends with.
      for (Map.Entry<String, String> each : referenced.entrySet()) {
        if (iri.toString().endsWith("/" + each.getKey())) {
          text = each.getValue();
          break;
        }
      }
    }
    if (text != null) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return () -> new ByteArrayInputStream(bytes);
    }
    return offline(iri);
  }

  private static InputStreamSource offline(AbsoluteIri iri) {
    String scheme = iri.getScheme();
    if ("classpath".equals(scheme) || "resource".equals(scheme)) {
      return null;
    }
    return () -> {
      throw new IOException("not loading " + iri + ": remote schemas are never fetched");
    };
  }
}
