package dev.stele.maven;

import dev.stele.client.CompatibilityCheck;
import dev.stele.client.RestClientException;
import java.util.ArrayList;
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
      List<String> waiting = unregisteredReferences(schema, plan);
      if (!waiting.isEmpty()) {
        return beforeItsReferences(schema, plan, registeredYet, waiting);
      }
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

  /** Subjects of this run that the schema references (without a version) and that have no version yet. */
  private List<String> unregisteredReferences(SubjectSchema schema, List<SubjectSchema> plan) throws Exception {
    List<String> waiting = new ArrayList<>();
    for (Reference reference : schema.references()) {
      boolean ofThisRun = plan.stream().anyMatch(each -> each.subject().equals(reference.subject()));
      if (reference.version() == null && ofThisRun && !hasVersions(reference.subject())) {
        waiting.add(reference.subject());
      }
    }
    return waiting;
  }

  /**
   * The registry cannot resolve a reference to a subject that is not registered yet. A new subject
   * whose references are new too has nothing to be incompatible with: it passes once its files
   * parse together. An existing subject cannot be checked before its references are registered.
   */
  private boolean beforeItsReferences(SubjectSchema schema, List<SubjectSchema> plan, boolean registeredYet,
      List<String> waiting) throws MojoExecutionException {
    String subject = schema.subject();
    if (registeredYet) {
      throw new MojoExecutionException("test-compatibility of " + schema.file() + " with " + subject + ": it references "
          + waiting + ", not registered yet, so the registry cannot read the new schema; register them first"
          + " (the register goal registers referenced subjects first)");
    }
    try {
      parseLocally(schema, plan);
    } catch (Formats.Invalid e) {
      getLog().error(e.getMessage());
      return false;
    }
    getLog().info("Schema " + schema.file() + " is compatible with subject(" + subject + "): the subject is not"
        + " registered yet, nor are the subjects it references " + waiting + ", so it was validated with their"
        + " files; registering them will create version 1");
    return true;
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
