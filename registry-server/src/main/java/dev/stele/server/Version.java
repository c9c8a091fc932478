package dev.stele.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Stele's version, written into a resource at build time (the jar manifest is not always there). */
final class Version {
  private static final Properties BUILD = read();

  private Version() {}

  static String current() {
    return BUILD.getProperty("version", "unknown");
  }

  /** The source commit, when the build recorded one; Confluent reports its git hash here. */
  static String commit() {
    String commit = BUILD.getProperty("commit", "");
    return commit.isBlank() || commit.startsWith("${") ? "unknown" : commit;
  }

  private static Properties read() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // An unreadable resource only costs the version in logs and /v1/metadata/version.
    }
    return properties;
  }
}
