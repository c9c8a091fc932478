package dev.stele.format.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stele.schema.AbstractSchemaFormat;
import dev.stele.schema.CompatibilityPolicy;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaSource;
import java.util.Optional;

/**
 * JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12) as a registry format, faithful to the
 * Confluent registry: the same canonical text, the same accepted and refused schemas, and the
 * same compatibility verdicts and messages.
 *
 * <p>Failures start as Confluent's do, {@code Invalid JSON Schema}, and go on to say what is
 * wrong and where (issue #17): {@code Invalid JSON Schema: at /properties/a: "strnig" is not a
 * valid type}, or for text that is not JSON {@code Invalid JSON Schema: unexpected character '}'
 * at line 3, column 5}. Confluent quoted the whole text after {@code Invalid JSON}; we never do.
 */
public final class JsonSchemaFormat extends AbstractSchemaFormat<JsonSchema> {
  public static final String TYPE = "JSON";
  /** How every refusal starts: the Confluent registry's whole message for one. */
  public static final String INVALID_SCHEMA = "Invalid JSON Schema";

  private final int budget;

  public JsonSchemaFormat() {
    this(DEFAULT_MAX_COMPARISONS);
  }

  /**
   * @param budget {@code stele.compatibility.check.max.comparisons}: comparisons of nodes one
   *     check may make; a check that needs more is reported as aborted
   */
  public JsonSchemaFormat(int budget) {
    super(TYPE, JsonSchema.class);
    if (budget <= 0) {
      throw new IllegalArgumentException("budget must be positive");
    }
    this.budget = budget;
  }

  /**
   * Parses and checks a schema. Validation against the draft's meta-schema happens only when the
   * source asks for it (registration); lookups and stored schemas get the loader's own checks,
   * which are the ones the Confluent registry applies everywhere.
   */
  @Override
  public JsonSchema parse(SchemaSource source) throws InvalidSchemaException {
    JsonNode root = readJson(source.text());
    try {
      // A JSON schema can only use JSON schemas; say so rather than misreading other text.
      Optional<String> otherFormat = otherFormatReference(source.references());
      if (otherFormat.isPresent()) {
        throw new SchemaProblem("reference " + otherFormat.get());
      }
      SchemaNode model = ModelLoader.load(SchemaDocuments.of(root, source.references()));
      if (source.validate() && (root.isObject() || root.isBoolean())) {
        MetaSchemaCheck.check(root, Draft.of(root));
      }
      return new JsonSchema(root, model, source.references());
    } catch (SchemaProblem problem) {
      throw InvalidSchemaException.afterParsing(INVALID_SCHEMA + ": " + problem.describe(), problem);
    } catch (StackOverflowError e) {
      throw InvalidSchemaException.afterParsing(INVALID_SCHEMA + ": nested too deeply", null);
    }
  }

  private static JsonNode readJson(String text) throws InvalidSchemaException {
    try {
      JsonNode root = JsonText.read(text);
      if (root != null && !root.isMissingNode()) {
        return root;
      }
      throw new InvalidSchemaException(INVALID_SCHEMA + ": the text holds no JSON value");
    } catch (JsonProcessingException e) {
      throw new InvalidSchemaException(INVALID_SCHEMA + ": " + JsonText.syntaxError(e), e);
    }
  }

  @Override
  protected CompatibilityResult check(JsonSchema reader, JsonSchema writer, Roles roles) {
    return check(reader, writer, roles, CompatibilityPolicy.STRICT);
  }

  /** LENIENT counts more changes compatible ({@link CompatibleChanges}); the diff is the same. */
  @Override
  protected CompatibilityResult check(JsonSchema reader, JsonSchema writer, Roles roles,
      CompatibilityPolicy policy) {
    return JsonCompatibility.check(reader.model(), writer.model(), roles,
        CompatibleChanges.of(policy), budget);
  }
}
