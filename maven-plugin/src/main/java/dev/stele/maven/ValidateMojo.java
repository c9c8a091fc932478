package dev.stele.maven;

import dev.stele.client.RegisteredSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, SubjectSchema> local = new LinkedHashMap<>();
    plan.forEach(each -> local.put(each.subject(), each));
    LocalReferences references = new LocalReferences(local, this::fromRegistry);
    try {
      Formats.parse(schema.format(), schema.text(), references.resolve(schema),
          "Schema " + schema.file() + " of subject(" + schema.subject() + ")");
    } catch (Formats.Invalid e) {
      getLog().error(e.getMessage());
      return false;
    }
    getLog().info("Schema " + schema.file() + " of subject(" + schema.subject() + ") is a valid "
        + schema.format().type() + " schema");
    return true;
  }

  private RegisteredSchema fromRegistry(String subject, Integer version) throws MojoExecutionException {
    String what = "validate: the referenced subject " + subject + " is not one of <subjects>, so it is read from"
        + " the registry";
    try {
      return version == null ? client().getLatest(subject) : client().getVersion(subject, version);
    } catch (MojoExecutionException e) {
      throw new MojoExecutionException(what + "; " + e.getMessage(), e);
    } catch (Exception e) {
      throw failed(what, e);
    }
  }

  @Override
  String failureMessage(List<String> failed) {
    return "invalid schemas: " + failed;
  }
}
