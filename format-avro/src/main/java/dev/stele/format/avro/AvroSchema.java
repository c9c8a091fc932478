package dev.stele.format.avro;

import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaReference;
import java.util.List;
import org.apache.avro.Schema;

/** A parsed Avro schema with the named types its references brought in. Immutable. */
public final class AvroSchema implements ParsedSchema {
  private final Schema schema;
  private final List<Schema> referenced;
  private final List<ResolvedReference> resolved;
  private final String canonical;

  AvroSchema(Schema schema, List<Schema> referenced, List<ResolvedReference> resolved) {
    this.schema = schema;
    this.referenced = List.copyOf(referenced);
    this.resolved = List.copyOf(resolved);
    // Types from references stay names, as the registry stores them; "resolved" inlines them.
    this.canonical = schema.toString(this.referenced, false);
  }

  /** The Apache Avro schema, for serializers and readers. */
  public Schema avro() {
    return schema;
  }

  @Override
  public String type() {
    return AvroFormat.TYPE;
  }

  @Override
  public String canonical() {
    return canonical;
  }

  @Override
  public ParsedSchema normalize() {
    return new AvroSchema(new Schema.Parser().setValidateDefaults(false)
        .addTypes(referenced).parse(AvroNormalizer.normalize(schema, referenced)), referenced, resolved);
  }

  @Override
  public List<SchemaReference> references() {
    return resolved.stream().map(ResolvedReference::reference).toList();
  }

  @Override
  public String formatted(String format) {
    if ("resolved".equals(format)) {
      return schema.toString();
    }
    return canonical;
  }

  @Override
  public String name() {
    Schema.Type type = schema.getType();
    boolean named = type == Schema.Type.RECORD || type == Schema.Type.ENUM || type == Schema.Type.FIXED;
    return named ? schema.getFullName() : null;
  }
}
