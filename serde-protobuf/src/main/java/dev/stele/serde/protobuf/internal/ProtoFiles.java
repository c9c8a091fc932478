package dev.stele.serde.protobuf.internal;

import com.google.protobuf.Any;
import com.google.protobuf.Api;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.SourceContext;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Type;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.SchemaDefinition;
import dev.stele.format.protobuf.KnownImports;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaReference;
import dev.stele.serde.internal.RegistryAccess;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Moves .proto files between protobuf-java descriptors and the registry. Schemas go to the
 * registry as base64 {@code FileDescriptorProto}s (what python-confluent-kafka sends, API.md §9)
 * with each import registered first under its own subject and listed as a reference; they come
 * back in the {@code serialized} format and are rebuilt with their imports.
 */
public final class ProtoFiles {
  public static final String SERIALIZED = "serialized";
  /** Imports protobuf-java ships, used when a schema imports one without a reference. */
  private static final Map<String, FileDescriptor> WELL_KNOWN = Stream.of(Any.getDescriptor(), Api.getDescriptor(),
          Duration.getDescriptor(), Empty.getDescriptor(), FieldMask.getDescriptor(), SourceContext.getDescriptor(),
          Struct.getDescriptor(), Timestamp.getDescriptor(), Type.getDescriptor(), DoubleValue.getDescriptor(),
          DescriptorProtos.getDescriptor().findMessageTypeByName("FileDescriptorProto"))
      .map(descriptor -> descriptor.getFile())
      .collect(Collectors.toMap(FileDescriptor::getName, Function.identity(), (a, b) -> a));

  private final RegistryAccess registry;
  private final Function<String, String> referenceSubject;
  private final Imports imports;
  private final Map<String, FileDescriptor> built = new ConcurrentHashMap<>();

  /**
   * How a serializer treats a file's imports.
   *
   * @param skipKnown leave out the files the registry resolves by itself ({@code skip.known.types})
   * @param lookupOnly look imports up, never register them ({@code reference.lookup.only})
   */
  public record Imports(boolean skipKnown, boolean lookupOnly) {
    /** What a deserializer uses: it registers nothing. */
    public static final Imports READING = new Imports(true, true);
  }

  public ProtoFiles(RegistryAccess registry, Function<String, String> referenceSubject, Imports imports) {
    this.registry = registry;
    this.referenceSubject = referenceSubject;
    this.imports = imports;
  }

  public static SchemaDefinition definition(FileDescriptor file, List<SchemaReference> references) {
    return new SchemaDefinition(SchemaDefinition.PROTOBUF, text(file), references);
  }

  /** The file as the registry takes it: a base64 {@code FileDescriptorProto}. */
  public static String text(FileDescriptor file) {
    return Base64.getEncoder().encodeToString(file.toProto().toByteArray());
  }

  /**
   * Every import of {@code file} (depth first) with its content, as a checker needs them, without
   * asking the registry: the subject is the import path and the version unknown (-1).
   */
  public static List<ResolvedReference> imports(FileDescriptor file) {
    List<ResolvedReference> imports = new ArrayList<>();
    for (FileDescriptor dependency : file.getDependencies()) {
      imports.add(new ResolvedReference(new SchemaReference(dependency.getName(), dependency.getName(), -1),
          SchemaDefinition.PROTOBUF, text(dependency), imports(dependency)));
    }
    return imports;
  }

  /**
   * Registers or looks up every import of {@code file} (depth first) and returns the references;
   * a known import is skipped with all it imports, as the registry resolves it by itself.
   */
  public List<SchemaReference> references(String topic, FileDescriptor file) {
    List<SchemaReference> references = new ArrayList<>();
    for (FileDescriptor dependency : file.getDependencies()) {
      if (imports.skipKnown() && KnownImports.paths().contains(dependency.getName())) {
        continue;
      }
      String subject = referenceSubject.apply(dependency.getName());
      RegisteredSchema registered = registry.reference(topic, subject,
          definition(dependency, references(topic, dependency)), imports.lookupOnly());
      references.add(new SchemaReference(dependency.getName(), subject, registered.version()));
    }
    return references;
  }

  /** The file a payload's schema id names, with its imports. */
  public FileDescriptor byId(String topic, int id) {
    return build(topic, registry.schemaById(topic, id, SERIALIZED), "schema id " + id);
  }

  private FileDescriptor build(String topic, SchemaDefinition schema, String what) {
    if (!SchemaDefinition.PROTOBUF.equals(schema.type())) {
      throw new SerializationException("Protobuf data for topic '" + topic + "': " + what + " is "
          + schema.type() + ", not PROTOBUF");
    }
    FileDescriptorProto proto;
    try {
      proto = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(schema.text()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new SerializationException("Protobuf data for topic '" + topic + "': " + what
          + " did not come back as a serialized FileDescriptorProto: " + e.getMessage(), e);
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String name : proto.getDependencyList()) {
      dependencies.add(dependency(topic, name, schema.references(), what));
    }
    try {
      return FileDescriptor.buildFrom(proto, dependencies.toArray(new FileDescriptor[0]));
    } catch (DescriptorValidationException e) {
      throw new SerializationException("Protobuf data for topic '" + topic + "': " + what
          + " does not build: " + e.getMessage(), e);
    }
  }

  private FileDescriptor dependency(String topic, String name, List<SchemaReference> references, String what) {
    for (SchemaReference reference : references) {
      if (name.equals(reference.name())) {
        String key = reference.subject() + "/" + reference.version();
        FileDescriptor cached = built.get(key);
        if (cached == null) {
          cached = build(topic, registry.referenced(topic, reference, SERIALIZED),
              "import " + name + " (subject '" + reference.subject() + "', version " + reference.version() + ")");
          built.put(key, cached);
        }
        return cached;
      }
    }
    FileDescriptor known = known(name);
    if (known == null) {
      throw new SerializationException("Protobuf data for topic '" + topic + "': " + what + " imports " + name
          + " but has no reference for it");
    }
    return known;
  }

  /**
   * A file the registry resolves without a reference: protobuf-java's own descriptor where it
   * ships one (so generated classes and dynamic messages share it), else the registry's built-in
   * (google/type, confluent), built once with its imports. Null when {@code name} is not known.
   */
  private FileDescriptor known(String name) {
    FileDescriptor shipped = WELL_KNOWN.get(name);
    if (shipped != null) {
      return shipped;
    }
    FileDescriptor cached = built.get(KNOWN + name);
    if (cached != null) {
      return cached;
    }
    FileDescriptorProto proto = KnownImports.descriptor(name).orElse(null);
    if (proto == null) {
      return null;
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      dependencies.add(known(dependency));
    }
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(new FileDescriptor[0]));
      built.put(KNOWN + name, file);
      return file;
    } catch (DescriptorValidationException e) {
      // The built-ins ship with Stele; one that does not build is a bug, not bad data.
      throw new IllegalStateException("the built-in " + name + " does not build: " + e.getMessage(), e);
    }
  }

  /** Prefix of built known files in {@link #built}, apart from the subject/version keys. */
  private static final String KNOWN = "known:";
}
