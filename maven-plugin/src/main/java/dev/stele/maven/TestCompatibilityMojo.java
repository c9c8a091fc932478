package dev.stele.maven;

import dev.stele.client.CompatibilityCheck;
import dev.stele.client.RestClientException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code test-compatibility}: asks the registry whether each schema could be registered under its
 * subject, at the subject's level. A subject that is not registered yet passes, and the log says
 * so (Confluent's plugin failed on it with 40401 for years).
 */
@Mojo(name = "test-compatibility", threadSafe = true)
public class TestCompatibilityMojo extends SubjectMojo {
  /** Log the registry's reasons for an incompatible schema. */
  @Parameter(defaultValue = "true")
  boolean verbose = true;

  @Override
  String goal() {
    return "test-compatibility";
  }

  @Override
  boolean process(SubjectSchema schema, List<SubjectSchema> plan) throws MojoExecutionException {
    String subject = schema.subject();
    try {
      boolean registeredYet = hasVersions(subject);
      CompatibilityCheck check = contractCalls().test(subject, body(schema));
      if (check.compatible()) {
        getLog().info("Schema " + schema.file() + " is compatible with subject(" + subject + ")"
            + (registeredYet ? "" : ": the subject is not registered yet, so nothing can be incompatible;"
                + " registering it will create version 1"));
        return true;
      }
      getLog().error("Schema " + schema.file() + " is not compatible with subject(" + subject + ")"
          + (verbose ? " with error " + check.messages() : ""));
      return false;
    } catch (MojoExecutionException e) {
      throw e;
    } catch (Exception e) {
      throw failed("test-compatibility of " + schema.file() + " with " + subject, e);
    }
  }

  private boolean hasVersions(String subject) throws Exception {
    try {
      return !client().getVersions(subject).isEmpty();
    } catch (RestClientException e) {
      if (e.errorCode() == RestClientException.SUBJECT_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  @Override
  String failureMessage(List<String> failed) {
    return "One or more schemas found to be incompatible with the current version: " + failed;
  }
}
