package dev.stele.format.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a schema against its draft's meta-schema with networknt's validator, using the
 * meta-schemas bundled in its jar. Any other location is refused: nothing is fetched from the
 * network. The validators are built once and shared (networknt's are thread-safe once built).
 */
final class MetaSchemaCheck {
  private static final Map<Draft, JsonSchema> META = build();

  private MetaSchemaCheck() {}

  private static Map<Draft, JsonSchema> build() {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(false) // formats are annotations here, as in the Confluent registry
        .build();
    Map<Draft, JsonSchema> meta = new EnumMap<>(Draft.class);
    for (Draft draft : Draft.values()) {
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(flag(draft),
          builder -> builder.schemaLoaders(loaders -> loaders.add(MetaSchemaCheck::offline)));
      JsonSchema schema = factory.getSchema(SchemaLocation.of(draft.metaSchema()), config);
      schema.initializeValidators();
      meta.put(draft, schema);
    }
    return meta;
  }

  /** Lets networknt's bundled meta-schemas load (classpath), and nothing else. */
  private static InputStreamSource offline(com.networknt.schema.AbsoluteIri iri) {
    String scheme = iri.getScheme();
    if ("classpath".equals(scheme) || "resource".equals(scheme)) {
      return null; // networknt's own classpath loader answers these
    }
    return () -> {
      throw new IOException("not loading " + iri + ": remote schemas are never fetched");
    };
  }

  private static VersionFlag flag(Draft draft) {
    switch (draft) {
      case DRAFT_4:
        return VersionFlag.V4;
      case DRAFT_6:
        return VersionFlag.V6;
      case DRAFT_7:
        return VersionFlag.V7;
      case DRAFT_2019_09:
        return VersionFlag.V201909;
      default:
        return VersionFlag.V202012;
    }
  }

  /** Throws with the first violation when {@code schema} is not valid for {@code draft}. */
  static void check(JsonNode schema, Draft draft) throws SchemaProblem {
    Set<ValidationMessage> errors;
    try {
      errors = META.get(draft).validate(schema);
    } catch (RuntimeException | StackOverflowError e) {
      throw new SchemaProblem("the meta-schema check failed: " + e.getMessage());
    }
    if (!errors.isEmpty()) {
      ValidationMessage first = errors.iterator().next();
      throw SchemaProblem.at(pointer(first.getInstanceLocation()), first.getError()
          + " (" + draft.name().toLowerCase(Locale.ROOT).replace("draft_", "draft ").replace('_', '-')
          + " meta-schema)");
    }
  }

  /** networknt's instance location as a JSON pointer ({@code ""} for the root). */
  private static String pointer(JsonNodePath location) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      pointer.append('/').append(SchemaProblem.escape(String.valueOf(location.getElement(i))));
    }
    return pointer.toString();
  }
}
