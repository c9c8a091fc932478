package dev.stele.format.protobuf.compat;

import dev.stele.format.protobuf.model.Proto;
import dev.stele.format.protobuf.model.TypeIndex;
import dev.stele.schema.JsonPointer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The state of one walk over two schemas: where the walk is (the {@code /Outer/Inner/3} path and
 * the enclosing message names that type names resolve in), which messages are being compared
 * (so that recursive types end), and the differences found so far. "Original" is the writer's
 * schema, "update" the reader's.
 */
final class DiffContext {
  /**
   * A difference at a location (a JSON pointer: {@code /Outer/Inner/3}); the kind says whether it
   * is compatible.
   */
  record Difference(ProtobufChange kind, String pointer) {}

  private final TypeIndex originalTypes;
  private final TypeIndex updateTypes;
  private String originalPackage;
  private String updatePackage;
  private final List<String> path = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final Set<Proto.Message> comparing;
  private final List<Difference> differences = new ArrayList<>();

  DiffContext(TypeIndex originalTypes, String originalPackage, TypeIndex updateTypes,
      String updatePackage) {
    this(originalTypes, originalPackage, updateTypes, updatePackage,
        Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private DiffContext(TypeIndex originalTypes, String originalPackage, TypeIndex updateTypes,
      String updatePackage, Set<Proto.Message> comparing) {
    this.originalTypes = originalTypes;
    this.originalPackage = originalPackage == null ? "" : originalPackage;
    this.updateTypes = updateTypes;
    this.updatePackage = updatePackage == null ? "" : updatePackage;
    this.comparing = comparing;
  }

  /**
   * A context for comparing two messages from other files at {@code localName}, in those files'
   * packages; it shares the set of messages under comparison, so recursion still ends.
   */
  DiffContext sub(String originalPkg, String updatePkg, String localName) {
    Set<Proto.Message> shared = Collections.newSetFromMap(new IdentityHashMap<>());
    shared.addAll(comparing);
    DiffContext sub = new DiffContext(originalTypes, originalPkg, updateTypes, updatePkg, shared);
    List<String> parts = Arrays.asList(localName.split("\\."));
    sub.path.addAll(parts);
    sub.names.addAll(parts);
    return sub;
  }

  /** A scope that adds one step to the path (a field number or a oneof name). */
  Scope enterPath(String step) {
    path.add(step);
    return () -> path.remove(path.size() - 1);
  }

  /** A scope that enters a message or enum: a path step and a name for type resolution. */
  Scope enterName(String name) {
    path.add(name);
    names.add(name);
    return () -> {
      names.remove(names.size() - 1);
      path.remove(path.size() - 1);
    };
  }

  /** Null when the message is already being compared further up (a recursive type). */
  Scope enterMessage(Proto.Message original) {
    if (!comparing.add(original)) {
      return null;
    }
    return () -> comparing.remove(original);
  }

  /** Ends a scope; never throws. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  void add(ProtobufChange kind) {
    differences.add(new Difference(kind, JsonPointer.of(path)));
  }

  void addAll(List<Difference> more) {
    differences.addAll(more);
  }

  List<Difference> differences() {
    return differences;
  }

  boolean isCompatible() {
    return differences.stream().allMatch(d -> d.kind().compatible());
  }

  /** The full name (no leading dot) a type name means here, in either schema, or null. */
  String resolve(String name, boolean original) {
    return original
        ? originalTypes.resolve(name, originalPackage, names)
        : updateTypes.resolve(name, updatePackage, names);
  }

  TypeIndex.TypeInfo type(String name, boolean original) {
    String full = resolve(name, original);
    return full == null ? null : typeForFullName(full, original);
  }

  TypeIndex.TypeInfo typeForFullName(String fullName, boolean original) {
    return (original ? originalTypes : updateTypes).get(fullName);
  }
}
