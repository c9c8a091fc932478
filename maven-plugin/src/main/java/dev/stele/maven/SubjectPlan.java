package dev.stele.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * {@code subjects}, {@code schemaTypes} and {@code references} checked against each other and put
 * in the order a registry needs them: a subject after the subjects of this run it references.
 * Every file is read up front, so a wrong path fails before anything is sent.
 */
final class SubjectPlan {
  private SubjectPlan() {}

  static List<SubjectSchema> of(Map<String, File> subjects, Map<String, String> schemaTypes,
      Map<String, List<Reference>> references, boolean decode) throws MojoExecutionException {
    if (subjects == null || subjects.isEmpty()) {
      throw new MojoExecutionException("subjects: name at least one subject and its schema file, e.g."
          + " <subjects><orders-value>src/main/avro/order.avsc</orders-value></subjects>");
    }
    Map<String, File> files = new LinkedHashMap<>();
    subjects.forEach((key, file) -> files.put(decode ? SubjectNames.decode(key) : key, file));
    Map<String, String> types = decoded(schemaTypes, decode);
    requireKnown("schemaTypes", types.keySet(), files.keySet());
    requireKnown("references", references.keySet(), files.keySet());

    Map<String, SubjectSchema> read = new LinkedHashMap<>();
    for (Map.Entry<String, File> entry : files.entrySet()) {
      String subject = entry.getKey();
      String where = "subjects: " + subject;
      read.put(subject, new SubjectSchema(subject, entry.getValue(),
          Formats.find(types.get(subject), "schemaTypes: " + subject), text(entry.getValue(), where),
          references.getOrDefault(subject, List.of())));
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String subject : read.keySet()) {
      visit(subject, read, ordered, new ArrayList<>());
    }
    return ordered.stream().map(read::get).toList();
  }

  /** Depth first: the referenced subjects of this run, then the subject; a cycle cannot be registered. */
  private static void visit(String subject, Map<String, SubjectSchema> read, Set<String> ordered, List<String> path)
      throws MojoExecutionException {
    if (ordered.contains(subject)) {
      return;
    }
    if (path.contains(subject)) {
      path.add(subject);
      throw new MojoExecutionException("references: the subjects reference each other in a cycle: "
          + String.join(" -> ", path.subList(path.indexOf(subject), path.size())));
    }
    path.add(subject);
    for (Reference reference : read.get(subject).references()) {
      if (read.containsKey(reference.subject())) {
        visit(reference.subject(), read, ordered, path);
      }
    }
    path.remove(path.size() - 1);
    ordered.add(subject);
  }

  static <V> Map<String, V> decoded(Map<String, V> map, boolean decode) {
    Map<String, V> decoded = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((key, value) -> decoded.put(decode ? SubjectNames.decode(key) : key, value));
    }
    return decoded;
  }

  /** A key that names no subject is a typo that would otherwise be silently ignored. */
  static void requireKnown(String parameter, Set<String> keys, Set<String> subjects) throws MojoExecutionException {
    for (String key : keys) {
      if (!subjects.contains(key)) {
        throw new MojoExecutionException(parameter + ": '" + key + "' is not one of the subjects configured "
            + subjects);
      }
    }
  }

  static String text(File file, String where) throws MojoExecutionException {
    if (file == null) {
      throw new MojoExecutionException(where + ": no schema file given");
    }
    try {
      return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException(where + ": cannot read " + file + " (" + e.getMessage() + ")", e);
    }
  }
}
