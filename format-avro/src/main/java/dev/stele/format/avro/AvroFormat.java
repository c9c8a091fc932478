package dev.stele.format.avro;

import dev.stele.schema.AbstractSchemaFormat;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaSource;
import java.util.Optional;

/**
 * Avro as a registry format: Apache Avro's parser and {@code SchemaCompatibility}, with the
 * Confluent registry's canonical text, normalized form and messages.
 */
public final class AvroFormat extends AbstractSchemaFormat<AvroSchema> {
  public static final String TYPE = "AVRO";

  private final boolean validateDefaults;

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
    super(TYPE, AvroSchema.class);
    this.validateDefaults = validateDefaults;
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

  @Override
  protected CompatibilityResult check(AvroSchema reader, AvroSchema writer, Roles roles) {
    if (RecordPrints.proven(reader.prints(), writer.prints())) {
      return CompatibilityResult.COMPATIBLE;
    }
    return AvroCompatibility.check(reader.avro(), writer.avro(), roles);
  }
}
