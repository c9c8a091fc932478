package dev.stele.format.avro;

import dev.stele.schema.AbstractSchemaFormat;
import dev.stele.schema.CheckDigest;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaSource;
import java.util.Optional;

/**
 * Avro as a registry format: Apache Avro's parser and {@code SchemaCompatibility}, with the
 * Confluent registry's canonical text, normalized form and messages.
 */
public final class AvroFormat extends AbstractSchemaFormat<AvroSchema> {
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
   * @param maxComparisons {@code stele.compatibility.check.max.comparisons}: pairs of types one
   *     check may compare (see {@link CheckCost}); a check that would compare more is reported as
   *     aborted
   */
  public AvroFormat(boolean validateDefaults, int maxComparisons) {
    super(TYPE, AvroSchema.class);
    if (maxComparisons <= 0) {
      throw new IllegalArgumentException("maxComparisons must be positive");
    }
    this.validateDefaults = validateDefaults;
    this.maxComparisons = maxComparisons;
  }

  @Override
  public AvroSchema parse(SchemaSource source) throws InvalidSchemaException {
    // An Avro schema can only use Avro types; say so rather than misreading other text.
    Optional<String> otherFormat = otherFormatReference(source.references());
    if (otherFormat.isPresent()) {
      throw new InvalidSchemaException("Reference " + otherFormat.get());
    }
    AvroParsing.Parsed parsed = AvroParsing.parse(
        source.text(), source.references(), validateDefaults && source.validate());
    return new AvroSchema(parsed, source.references(), source.validate());
  }

  /** {@link RecordPrints}: a record's fields and their types' fingerprints; null otherwise. */
  @Override
  public CheckDigest digest(ParsedSchema schema) {
    return schema instanceof AvroSchema ? ((AvroSchema) schema).prints() : null;
  }

  @Override
  public boolean digests() {
    return true;
  }

  @Override
  public boolean provenReadable(CheckDigest reader, CheckDigest writer) {
    return reader instanceof RecordPrints && writer instanceof RecordPrints
        && RecordPrints.proven((RecordPrints) reader, (RecordPrints) writer);
  }

  @Override
  protected CompatibilityResult check(AvroSchema reader, AvroSchema writer, Roles roles) {
    if (RecordPrints.proven(reader.prints(), writer.prints())) {
      return CompatibilityResult.COMPATIBLE;
    }
    return AvroCompatibility.check(reader.avro(), writer.avro(), roles, maxComparisons);
  }
}
