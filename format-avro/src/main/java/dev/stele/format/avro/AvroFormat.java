package dev.stele.format.avro;

import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaSource;
import java.util.List;
import java.util.Optional;

/**
 * Avro as a registry format: Apache Avro's parser and {@code SchemaCompatibility}, with the
 * Confluent registry's canonical text, normalized form and messages.
 */
public final class AvroFormat implements SchemaFormat {
  public static final String TYPE = "AVRO";

  private final boolean validateDefaults;
  private final int maxComparisons;

  /**
   * Field defaults are checked on every validated parse: a default that does not match its type
   * makes every reader that needs it fail, so it is refused at registration. (The Confluent
   * registry checks them only when normalizing; {@code AvroFormat(false)} does the same.)
   */
  public AvroFormat() {
    this(true);
  }

  /**
   * @param validateDefaults also check field defaults on every validated parse (the registry's
   *     {@code schema.providers.avro.validate.defaults=true})
   */
  public AvroFormat(boolean validateDefaults) {
    this(validateDefaults, DEFAULT_MAX_COMPARISONS);
  }

  /**
   * @param maxComparisons {@code stele.compatibility.check.max.comparisons}: pairs of types one check may compare
   *     (see {@link CheckCost}); a check that would compare more is reported as aborted
   */
  public AvroFormat(boolean validateDefaults, int maxComparisons) {
    if (maxComparisons <= 0) {
      throw new IllegalArgumentException("maxComparisons must be positive");
    }
    this.validateDefaults = validateDefaults;
    this.maxComparisons = maxComparisons;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public AvroSchema parse(SchemaSource source) throws InvalidSchemaException {
    checkReferenceTypes(source.references());
    AvroParsing.Parsed parsed = AvroParsing.parse(
        source.text(), source.references(), validateDefaults && source.validate());
    return new AvroSchema(parsed, source.references(), source.validate());
  }

  /** An Avro schema can only use Avro types; say so rather than misreading other text. */
  private static void checkReferenceTypes(List<ResolvedReference> refs)
      throws InvalidSchemaException {
    Optional<ResolvedReference> other = ResolvedReference.firstOfOtherType(refs, TYPE);
    if (other.isPresent()) {
      throw new InvalidSchemaException("Reference " + other.get().reference().name() + " is a "
          + other.get().schemaType() + " schema, not AVRO");
    }
  }

  @Override
  public CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles) {
    if (reader instanceof AvroSchema r && writer instanceof AvroSchema w) {
      if (RecordPrints.proven(r.prints(), w.prints())) {
        return CompatibilityResult.COMPATIBLE;
      }
      return AvroCompatibility.check(r.avro(), w.avro(), roles, maxComparisons);
    }
    return CompatibilityResult.differentSchemaTypes(roles);
  }
}
