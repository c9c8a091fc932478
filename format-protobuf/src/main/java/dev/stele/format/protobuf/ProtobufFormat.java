package dev.stele.format.protobuf;

import dev.stele.format.protobuf.compat.ProtobufCompatibility;
import dev.stele.schema.AbstractSchemaFormat;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaSource;

/**
 * Protobuf as a registry format: {@code .proto} text (or a base64 {@code FileDescriptorProto})
 * read with Square wire's parser, printed, normalized and diffed the way the Confluent registry
 * does, so that ids, canonical texts and compatibility verdicts agree with it.
 */
public final class ProtobufFormat extends AbstractSchemaFormat<ProtobufSchema> {
  public static final String TYPE = "PROTOBUF";

  public ProtobufFormat() {
    super(TYPE, ProtobufSchema.class);
  }

  /**
   * A validated parse (a registration) also resolves every type name, as Confluent's does, and
   * refuses the field numbers protoc refuses ({@link FieldNumbers}). A lookup parse only reads
   * the text, so a schema registered before those rules can still be found.
   */
  @Override
  public ProtobufSchema parse(SchemaSource source) throws InvalidSchemaException {
    try {
      SchemaLoader.Loaded loaded = SchemaLoader.load(source.text(), source.references());
      if (source.validate()) {
        Normalizer.normalize(loaded.file(), loaded.types());
        FieldNumbers.check(loaded.file());
      }
      return new ProtobufSchema(loaded, source.references(), ProtoPrinter.print(loaded.file()));
    } catch (RuntimeException | StackOverflowError e) {
      // Nothing a client sends may surface as anything but a refusal with a reason.
      throw new InvalidSchemaException("Could not parse Protobuf - " + e, e);
    }
  }

  @Override
  protected CompatibilityResult check(ProtobufSchema reader, ProtobufSchema writer, Roles roles) {
    try {
      return ProtobufCompatibility.check(reader.file(), reader.types(), writer.file(), writer.types(), roles);
    } catch (RuntimeException | StackOverflowError e) {
      return CompatibilityResult.unexpected(roles, e);
    }
  }
}
