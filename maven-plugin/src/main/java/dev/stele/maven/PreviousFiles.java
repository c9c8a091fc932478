package dev.stele.maven;

import dev.stele.schema.CompatibilityLevel;
import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The previous schemas of {@code test-local-compatibility}: one file, or the files of a directory
 * (not its subdirectories) in file name order, taken as oldest first (v1.avsc, v2.avsc, ...).
 */
final class PreviousFiles {
  private PreviousFiles() {}

  static List<File> list(String key, File path, CompatibilityLevel level) throws MojoExecutionException {
    if (path.isFile()) {
      return List.of(path);
    }
    File[] entries = path.listFiles();
    if (!path.isDirectory() || entries == null) {
      throw new MojoExecutionException("previousSchemaPaths: " + key + ": " + path
          + " is neither a file nor a readable directory");
    }
    List<File> files = Arrays.stream(entries).filter(File::isFile)
        .sorted(Comparator.comparing(File::getName)).toList();
    if (files.size() > 1 && !level.transitive() && level != CompatibilityLevel.NONE) {
      // Which file is "the latest" is not something to guess: Confluent's plugin refuses too.
      throw new MojoExecutionException("previousSchemaPaths: " + key + ": " + level + " compares with the"
          + " latest schema only, but " + path + " holds " + files.size() + " files; give the latest one's"
          + " file, or use " + level + "_TRANSITIVE to check against all of them");
    }
    return files;
  }
}
