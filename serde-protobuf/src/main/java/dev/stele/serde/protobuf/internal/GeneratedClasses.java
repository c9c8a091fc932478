package dev.stele.serde.protobuf.internal;

import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The generated Java class of a message type, found as protoc names it (the public rules of
 * {@code java_package}, {@code java_outer_classname} and {@code java_multiple_files}), for
 * {@code derive.type}. The schema's file name cannot serve as the outer class: the registry's
 * serialized descriptors are all named {@code default}, so, as in Confluent, one of the two options
 * must be set.
 */
public final class GeneratedClasses {
  private GeneratedClasses() {}

  /** The parser of a generated message class. */
  public static Parser<?> parserOf(Class<?> type) {
    try {
      return (Parser<?>) type.getMethod("parser").invoke(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(type.getName() + " is not a generated Protobuf message class", e);
    }
  }

  /**
   * The parser of the class generated for {@code type}, loaded through the thread's context class
   * loader (as configured classes are).
   *
   * @throws IllegalArgumentException naming the class and why it cannot be used
   */
  public static Parser<?> derive(Descriptor type) {
    String name = className(type);
    Class<?> found;
    try {
      // Not initialized before the check below: only a message class's initializer runs.
      found = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("derive.type: the class " + name + " generated for " + type.getFullName()
          + " is not on the class path", e);
    }
    if (!Message.class.isAssignableFrom(found)) {
      throw new IllegalArgumentException("derive.type: " + name + " is not a generated Protobuf message class");
    }
    return parserOf(found);
  }

  static String className(Descriptor type) {
    FileOptions options = type.getFile().getOptions();
    boolean multipleFiles = options.getJavaMultipleFiles();
    if (!multipleFiles && !options.hasJavaOuterClassname()) {
      throw new IllegalArgumentException("derive.type: the schema of " + type.getFullName() + " sets neither"
          + " java_outer_classname nor java_multiple_files = true, so its generated class cannot be named");
    }
    String pkg = options.hasJavaPackage() ? options.getJavaPackage() : type.getFile().getPackage();
    Deque<String> path = new ArrayDeque<>();
    for (Descriptor at = type; at != null; at = at.getContainingType()) {
      path.push(at.getName());
    }
    if (!multipleFiles) {
      path.push(options.getJavaOuterClassname());
    }
    return (pkg.isEmpty() ? "" : pkg + ".") + String.join("$", path);
  }
}
