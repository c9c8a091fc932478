package dev.stele.format.protobuf;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.TypeIndex;
import dev.stele.schema.AbstractParsedSchema;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.SchemaField;
import dev.stele.schema.TagEdit;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed Protobuf schema with the files its references brought in. Immutable and safe to share:
 * the model, the type index and the canonical text are computed once at parse time.
 */
public final class ProtobufSchema extends AbstractParsedSchema {
  private final SchemaLoader.Loaded loaded;

  ProtobufSchema(SchemaLoader.Loaded loaded, List<ResolvedReference> resolved, String canonical) {
    super(ProtobufFormat.TYPE, canonical, resolved);
    this.loaded = loaded;
  }

  /** The schema's own file, as written (type names unresolved). */
  public Proto.File file() {
    return loaded.file();
  }

  /** Every type the schema can name: its own, its references' and the built-ins. */
  public TypeIndex types() {
    return loaded.types();
  }

  /**
   * The registry's {@code normalize=true} form (see {@link Normalizer}); its canonical text is
   * the normalized text itself, as Confluent stores it.
   *
   * @throws IllegalArgumentException {@code Could not resolve type: X} when a type name does not
   *     resolve; its cause is an {@link InvalidSchemaException}
   */
  @Override
  public ProtobufSchema normalize() {
    try {
      return normalized();
    } catch (InvalidSchemaException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** As {@link #normalize()}, with the failure checked. */
  public ProtobufSchema normalized() throws InvalidSchemaException {
    String text = ProtoPrinter.print(Normalizer.normalize(loaded.file(), loaded.types()));
    List<ResolvedReference> resolved = resolvedReferences();
    return new ProtobufSchema(SchemaLoader.load(text, resolved), resolved, text);
  }

  /**
   * {@code serialized}: the base64 {@code FileDescriptorProto} Confluent's clients decode with;
   * {@code ignore_extensions}: the text without extensions and custom options. Any other name
   * gives the canonical text, as the registry does, so clients asking for newer formats work.
   */
  @Override
  public String formatted(String format) {
    String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "serialized" -> Base64.getEncoder().encodeToString(
          DescriptorWriter.write(loaded.file(), loaded.types(), importable()).toByteArray());
      case "ignore_extensions" -> ProtoPrinter.printWithoutExtensions(loaded.file());
      default -> canonical();
    };
  }

  /** See {@link ProtoTags}: paths are message names without the package, {@code M.field}. */
  @Override
  public String withTags(TagEdit edit) {
    return ProtoTags.apply(loaded.file(), edit);
  }

  @Override
  public Map<SchemaEntity, Set<String>> inlineTags() {
    return ProtoTags.inline(loaded.file());
  }

  @Override
  public List<SchemaField> fields() {
    return ProtoFields.of(loaded.file());
  }

  private Set<String> importable() {
    Set<String> paths = new HashSet<>(BuiltInFiles.FILES.keySet());
    paths.addAll(loaded.dependencies().keySet());
    return paths;
  }

  /**
   * The full name of the first message (what a record-name subject strategy uses), else of the
   * first enum, else null.
   */
  @Override
  public String name() {
    Proto.Type first = null;
    for (Proto.Type type : loaded.file().types()) {
      if (type instanceof Proto.Message) {
        first = type;
        break;
      }
      if (first == null) {
        first = type;
      }
    }
    if (first == null) {
      return null;
    }
    String pkg = loaded.file().packageName();
    return pkg == null || pkg.isEmpty() ? first.name() : pkg + "." + first.name();
  }
}
