package dev.stele.format.protobuf;

import dev.stele.format.protobuf.compat.ProtobufCompatibility;
import dev.stele.format.protobuf.model.Proto;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaSource;
import java.util.List;

/**
 * Protobuf as a registry format: {@code .proto} text (or a base64 {@code FileDescriptorProto})
 * read with Square wire's parser, printed, normalized and diffed the way the Confluent registry
 * does, so that ids, canonical texts and compatibility verdicts agree with it.
 */
public final class ProtobufFormat implements SchemaFormat {
  public static final String TYPE = "PROTOBUF";

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * A validated parse (a registration) also resolves every type name, as Confluent's does, and
   * refuses field numbers protobuf cannot encode. A lookup parse only reads the text.
   */
  @Override
  public ProtobufSchema parse(SchemaSource source) throws InvalidSchemaException {
    try {
      SchemaLoader.Loaded loaded = SchemaLoader.load(source.text(), source.references());
      if (source.validate()) {
        Normalizer.normalize(loaded.file(), loaded.types());
        checkFieldNumbers(loaded.file().types());
      }
      return new ProtobufSchema(loaded, source.references(), ProtoPrinter.print(loaded.file()));
    } catch (RuntimeException | StackOverflowError e) {
      // Nothing a client sends may surface as anything but a refusal with a reason.
      throw new InvalidSchemaException("Could not parse Protobuf - " + e, e);
    }
  }

  /**
   * Numbers from 0 (which Confluent accepts) to 2^29 - 1: anything else cannot be written on
   * the wire at all.
   */
  private static void checkFieldNumbers(List<Proto.Type> types) throws InvalidSchemaException {
    for (Proto.Type type : types) {
      if (type instanceof Proto.Message message) {
        for (Proto.Field field : message.fields()) {
          checkFieldNumber(message, field);
        }
        for (Proto.OneOf oneOf : message.oneOfs()) {
          for (Proto.Field field : oneOf.fields()) {
            checkFieldNumber(message, field);
          }
        }
        checkFieldNumbers(message.nestedTypes());
      }
    }
  }

  private static void checkFieldNumber(Proto.Message message, Proto.Field field)
      throws InvalidSchemaException {
    if (field.tag() < 0 || field.tag() > Proto.MAX_TAG) {
      throw InvalidSchemaException.afterParsing("Field number " + field.tag() + " of " + message.name()
          + "." + field.name() + " is out of range (0 to " + Proto.MAX_TAG + ")", null);
    }
  }

  @Override
  public CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles) {
    if (!(reader instanceof ProtobufSchema r) || !(writer instanceof ProtobufSchema w)) {
      return CompatibilityResult.differentSchemaTypes(roles);
    }
    try {
      return ProtobufCompatibility.check(r.file(), r.types(), w.file(), w.types(), roles);
    } catch (RuntimeException | StackOverflowError e) {
      return CompatibilityResult.unexpected(roles, e);
    }
  }
}
