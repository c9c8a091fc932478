package dev.stele.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * One {@code <reference>} of a subject: the name the schema imports it by, the subject it is
 * registered under and, optionally, the version (none: the version this run registered, else the
 * latest).
 */
record Reference(String name, String subject, Integer version) {
  private static final Set<String> FIELDS = Set.of("name", "subject", "version");

  /**
   * {@code <references><SUBJECT><reference><name/><subject/><version/></reference>...</SUBJECT></references>},
   * read from the XML itself (Maven's map converter cannot build lists inside a map), with every
   * element checked: a misspelt one fails instead of being dropped.
   */
  static Map<String, List<Reference>> parse(PlexusConfiguration references, boolean decode)
      throws MojoExecutionException {
    Map<String, List<Reference>> bySubject = new LinkedHashMap<>();
    if (references == null) {
      return bySubject;
    }
    for (PlexusConfiguration subject : references.getChildren()) {
      String key = decode ? SubjectNames.decode(subject.getName()) : subject.getName();
      List<Reference> list = new ArrayList<>();
      for (PlexusConfiguration reference : subject.getChildren()) {
        list.add(one(key, reference));
      }
      bySubject.put(key, List.copyOf(list));
    }
    return bySubject;
  }

  private static Reference one(String key, PlexusConfiguration reference) throws MojoExecutionException {
    String where = "references of " + key;
    if (!reference.getName().equals("reference")) {
      throw new MojoExecutionException(where + ": expected <reference> elements, found <" + reference.getName() + ">");
    }
    for (PlexusConfiguration field : reference.getChildren()) {
      if (!FIELDS.contains(field.getName())) {
        throw new MojoExecutionException(where + ": <reference> has no <" + field.getName()
            + ">; it takes <name>, <subject> and <version>");
      }
    }
    String name = text(reference, "name");
    String subject = text(reference, "subject");
    if (name == null || subject == null) {
      throw new MojoExecutionException(where + ": a <reference> needs a <name> (how the schema imports it)"
          + " and a <subject> (where it is registered)");
    }
    String version = text(reference, "version");
    if (version == null) {
      return new Reference(name, subject, null);
    }
    try {
      int number = Integer.parseInt(version);
      if (number < 1 && number != -1) {
        throw new NumberFormatException();
      }
      return new Reference(name, subject, number == -1 ? null : number);
    } catch (NumberFormatException e) {
      throw new MojoExecutionException(where + ": <version>" + version + "</version> of " + name
          + " is not a version number (1, 2, ... or -1 for the latest)");
    }
  }

  private static String text(PlexusConfiguration parent, String child) {
    PlexusConfiguration node = parent.getChild(child, false);
    String value = node == null ? null : node.getValue(null);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
