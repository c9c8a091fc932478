package dev.stele.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code validate}: parses and validates each schema on this machine as the registry would on
 * registration. References to subjects of this run are read from their files, so no server is
 * needed unless a schema references one that is only in the registry.
 */
@Mojo(name = "validate", threadSafe = true)
public class ValidateMojo extends SubjectMojo {
  @Override
  String goal() {
    return "validate";
  }

  @Override
  boolean process(SubjectSchema schema, List<SubjectSchema> plan) throws MojoExecutionException {
    try {
      parseLocally(schema, plan);
    } catch (Formats.Invalid e) {
      getLog().error(e.getMessage());
      return false;
    }
    getLog().info("Schema " + schema.file() + " of subject(" + schema.subject() + ") is a valid "
        + schema.format().type() + " schema");
    return true;
  }

  @Override
  String failureMessage(List<String> failed) {
    return "invalid schemas: " + failed;
  }
}
