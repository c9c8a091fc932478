package dev.stele.serde.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * networknt validators for data. Schemas without {@code $schema} are read as draft-07, as
 * Confluent's provider does. Remote {@code $ref}s are never fetched: a serializer must not
 * depend on the network beyond the registry. A built validator is thread-safe.
 */
public final class Validators {
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .formatAssertionsEnabled(false)
      .build();

  private Validators() {}

  public static JsonSchema build(JsonNode schema) {
    VersionFlag version = SpecVersionDetector.detectOptionalVersion(schema, false).orElse(VersionFlag.V7);
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version,
        builder -> builder.schemaLoaders(loaders -> loaders.add(Validators::offline)));
    JsonSchema validator = factory.getSchema(schema, CONFIG);
    validator.initializeValidators();
    return validator;
  }

  /** The first few violations, or an empty list when the data is valid. */
  public static List<String> problems(JsonSchema validator, JsonNode data) {
    Set<ValidationMessage> messages = validator.validate(data);
    return messages.stream().limit(5).map(ValidationMessage::getMessage).collect(Collectors.toList());
  }

  private static InputStreamSource offline(com.networknt.schema.AbsoluteIri iri) {
    String scheme = iri.getScheme();
    if ("classpath".equals(scheme) || "resource".equals(scheme)) {
      return null;
    }
    return () -> {
      throw new IOException("not loading " + iri + ": remote schemas are never fetched");
    };
  }
}
