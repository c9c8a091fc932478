package dev.stele.maven;

import dev.stele.client.RegisteredSchema;
import dev.stele.client.SchemaDefinition;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code download}: writes the schema of every subject matching one of {@code subjectPatterns}
 * to {@code outputDirectory}, one file per subject named after it.
 */
@Mojo(name = "download", threadSafe = true)
public class DownloadMojo extends RegistryMojo {
  /** Regular expressions that must match a whole subject name; a subject takes the first that matches. */
  @Parameter(required = true)
  List<String> subjectPatterns;

  /** The version to download for each pattern, in the same order: a number or {@code latest} (the default). */
  @Parameter
  List<String> versions;

  /** Where the files go; made if missing. */
  @Parameter(required = true)
  File outputDirectory;

  /** The file extension, starting with a dot; by default .avsc, .schema.json or .proto by type. */
  @Parameter
  String schemaExtension;

  /** Whether file names spell subjects percent-encoded with {@code _x}, as Confluent's plugin does. */
  @Parameter(defaultValue = "true")
  boolean encodeSubject = true;

  @Override
  String goal() {
    return "download";
  }

  @Override
  void run() throws MojoExecutionException {
    List<Pattern> patterns = patterns();
    if (versions != null && !versions.isEmpty() && versions.size() != patterns.size()) {
      throw new MojoExecutionException("versions: give one version per pattern (" + patterns.size()
          + " subjectPatterns, " + versions.size() + " versions), or none for the latest of each");
    }
    if (schemaExtension != null && !schemaExtension.startsWith(".")) {
      throw new MojoExecutionException("schemaExtension must begin with '.', e.g. .avsc; got '" + schemaExtension + "'");
    }
    Path directory = directory();
    List<String> all;
    try {
      all = client().getSubjects();
    } catch (Exception e) {
      throw failed("download: listing the subjects", e);
    }
    int written = 0;
    for (String subject : all) {
      int index = firstMatch(patterns, subject);
      if (index >= 0) {
        write(directory, subject, version(index));
        written++;
      }
    }
    if (written == 0) {
      getLog().warn("No subject of the registry's " + all.size() + " matches " + subjectPatterns + ": nothing written");
    }
  }

  private List<Pattern> patterns() throws MojoExecutionException {
    if (subjectPatterns == null || subjectPatterns.isEmpty()) {
      throw new MojoExecutionException("subjectPatterns: give at least one regular expression, e.g. <param>orders-.*</param>");
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String pattern : subjectPatterns) {
      try {
        patterns.add(Pattern.compile(pattern));
      } catch (PatternSyntaxException e) {
        throw new MojoExecutionException("subjectPatterns: '" + pattern + "' is not a regular expression: "
            + e.getDescription(), e);
      }
    }
    return patterns;
  }

  private static int firstMatch(List<Pattern> patterns, String subject) {
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).matcher(subject).matches()) {
        return i;
      }
    }
    return -1;
  }

  private String version(int index) throws MojoExecutionException {
    String version = versions == null || versions.isEmpty() ? "latest" : versions.get(index).trim();
    if (!version.equalsIgnoreCase("latest") && !version.matches("[1-9][0-9]*")) {
      throw new MojoExecutionException("versions: '" + version + "' is neither latest nor a version number");
    }
    return version;
  }

  private Path directory() throws MojoExecutionException {
    Path directory = outputDirectory.toPath();
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new MojoExecutionException("outputDirectory: cannot make the directory " + directory + " (" + e + ")", e);
    }
  }

  private void write(Path directory, String subject, String version) throws MojoExecutionException {
    RegisteredSchema schema;
    try {
      schema = version.equalsIgnoreCase("latest") ? client().getLatest(subject)
          : client().getVersion(subject, Integer.parseInt(version));
    } catch (Exception e) {
      throw failed("download: version " + version + " of " + subject, e);
    }
    Path file = directory.resolve((encodeSubject ? SubjectNames.encode(subject) : subject) + extension(schema.schema()));
    getLog().info("Writing schema for Subject(" + subject + ") version " + schema.version() + " to " + file);
    try {
      Files.writeString(file, schema.schema().text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("download: cannot write " + file + " (" + e + ")", e);
    }
  }

  private String extension(SchemaDefinition schema) {
    if (schemaExtension != null) {
      return schemaExtension;
    }
    return switch (schema.type()) {
      case SchemaDefinition.JSON -> ".schema.json";
      case SchemaDefinition.PROTOBUF -> ".proto";
      case SchemaDefinition.AVRO -> ".avsc";
      default -> ".txt";
    };
  }
}
