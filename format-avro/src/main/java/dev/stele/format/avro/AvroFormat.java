package dev.stele.format.avro;

import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Avro as a registry format, on Apache Avro's parser and its {@code SchemaCompatibility}. */
public final class AvroFormat implements SchemaFormat {
  public static final String TYPE = "AVRO";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ParsedSchema parse(SchemaSource source) throws InvalidSchemaException {
    List<Schema> referenced = new ArrayList<>();
    try {
      Schema.Parser parser = new Schema.Parser().setValidateDefaults(source.validate());
      load(parser, source.references(), referenced);
      Schema schema = parser.parse(source.text());
      return new AvroSchema(schema, referenced, source.references());
    } catch (InvalidSchemaException e) {
      throw e;
    } catch (StackOverflowError e) {
      throw new InvalidSchemaException("Schema nests too deeply");
    } catch (RuntimeException e) {
      // Avro reports bad schemas with SchemaParseException and other runtime exceptions.
      throw new InvalidSchemaException(AvroErrors.describe(e), e);
    }
  }

  /** Loads references depth-first, so each one's own named types are known before it parses. */
  private static void load(Schema.Parser parser, List<ResolvedReference> refs, List<Schema> loaded)
      throws InvalidSchemaException {
    for (ResolvedReference ref : refs) {
      load(parser, ref.references(), loaded);
      String name = ref.reference().name();
      if (parser.getTypes().containsKey(name)) {
        continue;
      }
      if (!TYPE.equals(ref.schemaType())) {
        throw new InvalidSchemaException("Reference " + name + " is a " + ref.schemaType() + " schema, not AVRO");
      }
      loaded.add(parser.parse(ref.schema()));
    }
  }

  @Override
  public CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles) {
    return AvroCompatibility.check(((AvroSchema) reader).avro(), ((AvroSchema) writer).avro(), roles);
  }
}
