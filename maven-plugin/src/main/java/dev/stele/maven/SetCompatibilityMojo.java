package dev.stele.maven;

import dev.stele.client.RestClientException;
import dev.stele.schema.CompatibilityLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code set-compatibility}: sets (or, with the value {@code null}, removes) the compatibility
 * level of subjects, or the global one under the key {@code __GLOBAL} (or {@code null}).
 */
@Mojo(name = "set-compatibility", threadSafe = true)
public class SetCompatibilityMojo extends RegistryMojo {
  static final String GLOBAL = "__GLOBAL";

  /** Subject (or __GLOBAL) → NONE, BACKWARD, ..., FULL_TRANSITIVE, or null to remove the setting. */
  @Parameter(required = true)
  Map<String, String> compatibilityLevels;

  @Override
  String goal() {
    return "set-compatibility";
  }

  @Override
  void run() throws MojoExecutionException {
    if (compatibilityLevels == null || compatibilityLevels.isEmpty()) {
      throw new MojoExecutionException("compatibilityLevels: name at least one subject (or __GLOBAL) and its"
          + " level, e.g. <compatibilityLevels><orders-value>FULL</orders-value></compatibilityLevels>");
    }
    // Every value is checked before the first change, so a typo changes nothing.
    Map<String, CompatibilityLevel> levels = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : compatibilityLevels.entrySet()) {
      String value = entry.getValue() == null ? "null" : entry.getValue().trim();
      if (!value.equalsIgnoreCase("null")) {
        levels.put(entry.getKey(), CompatibilityLevel.parse(value).orElseThrow(() -> new MojoExecutionException(
            "compatibilityLevels: '" + value + "' for " + entry.getKey() + " is not a level; use NONE, BACKWARD,"
                + " BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE or null (remove)")));
      } else {
        levels.put(entry.getKey(), null);
      }
    }
    for (Map.Entry<String, CompatibilityLevel> entry : levels.entrySet()) {
      String key = entry.getKey();
      String subject = key.equals(GLOBAL) || key.equalsIgnoreCase("null") ? null : key;
      String name = subject == null ? "Global compatibility" : "Compatibility of " + subject;
      try {
        if (entry.getValue() == null) {
          client().deleteCompatibility(subject);
          getLog().info(name + " removed" + (subject == null ? ": the server's default applies" : ": the global level applies"));
        } else {
          String now = client().setCompatibility(subject, entry.getValue().name());
          getLog().info(name + " set to " + now + newSubjectNote(subject));
        }
      } catch (Exception e) {
        throw failed("set-compatibility of " + (subject == null ? GLOBAL : subject), e);
      }
    }
  }

  /** Confluent's plugin refused a subject without versions; the registry takes it, so say what it means. */
  private String newSubjectNote(String subject) throws Exception {
    if (subject == null) {
      return "";
    }
    try {
      client().getVersions(subject);
      return "";
    } catch (RestClientException e) {
      if (e.errorCode() == RestClientException.SUBJECT_NOT_FOUND) {
        return " (the subject has no versions yet: the level applies from its first registration)";
      }
      throw e;
    }
  }
}
