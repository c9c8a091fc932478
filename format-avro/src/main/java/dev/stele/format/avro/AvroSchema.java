package dev.stele.format.avro;

import dev.stele.schema.AbstractParsedSchema;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.SchemaField;
import dev.stele.schema.TagEdit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * A parsed Avro schema with the types its references brought in. Immutable: the canonical text is
 * computed once, and the Avro {@link Schema} must not be changed by callers (Avro schemas accept
 * new properties; nothing here adds any: tags are written into a copy of the text).
 */
public final class AvroSchema extends AbstractParsedSchema {
  private final Schema avro;
  private final List<Schema> referenced;
  private final boolean validated;
  /** Computed on the first compatibility check, then kept with the (cached) parsed schema. */
  private volatile RecordPrints prints;

  AvroSchema(AvroParsing.Parsed parsed, List<ResolvedReference> resolved, boolean validated) {
    super(AvroFormat.TYPE, parsed.canonical(), resolved);
    this.avro = parsed.main();
    this.referenced = parsed.referenced();
    this.validated = validated;
  }

  /** The record's field table for {@link RecordPrints#proven}; null when not a record. */
  RecordPrints prints() {
    RecordPrints table = prints;
    if (table == null && avro.getType() == Schema.Type.RECORD) {
      table = RecordPrints.of(avro);
      prints = table;
    }
    return table;
  }

  /** The Apache Avro schema, references inlined: for serializers and compatibility checks. */
  public Schema avro() {
    return avro;
  }

  /**
   * The registry's {@code normalize=true} form (see {@link AvroNormalizer}). A registration (a
   * schema parsed with validation) also has its field defaults checked here, as the registry does
   * on this path.
   *
   * @throws IllegalArgumentException with the reason the Confluent registry gives when
   *     normalizing fails. The registry reports a schema it cannot write out at all (a default it
   *     cannot read) differently from one whose normalized form fails its checks; the second kind
   *     has an {@link InvalidSchemaException} as cause, the first does not.
   */
  @Override
  public AvroSchema normalize() {
    String text;
    try {
      text = AvroNormalizer.render(avro, referencedNames());
    } catch (RuntimeException | StackOverflowError e) {
      throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
    }
    try {
      if (validated) {
        LegacyDefaults.check(referenced, avro);
      }
      List<ResolvedReference> resolved = resolvedReferences();
      return new AvroSchema(AvroParsing.parse(text, resolved, false), resolved, validated);
    } catch (InvalidSchemaException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new IllegalArgumentException(String.valueOf(e.getMessage()),
          new InvalidSchemaException(String.valueOf(e.getMessage()), e));
    }
  }

  /**
   * {@code resolved} inlines the referenced types; any other name, like the registry, gives the
   * canonical text rather than an error, so that clients asking for a newer format still work.
   */
  @Override
  public String formatted(String format) {
    if (format != null && format.trim().toLowerCase(Locale.ROOT).equals("resolved")) {
      return avro.toString();
    }
    return canonical();
  }

  /** The full name of a record schema (what a record-name subject strategy uses), else null. */
  @Override
  public String name() {
    return avro.getType() == Schema.Type.RECORD ? avro.getFullName() : null;
  }

  /** See {@link AvroTags}: paths are record names, full or simple, and {@code record.field}. */
  @Override
  public String withTags(TagEdit edit) {
    return AvroTags.apply(canonical(), edit);
  }

  @Override
  public Map<SchemaEntity, Set<String>> inlineTags() {
    return AvroTags.inline(avro);
  }

  @Override
  public List<SchemaField> fields() {
    return AvroFields.of(avro);
  }

  private Set<String> referencedNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Schema schema : referenced) {
      names.add(schema.getFullName());
    }
    return names;
  }
}
