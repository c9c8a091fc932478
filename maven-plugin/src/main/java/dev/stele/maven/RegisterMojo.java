package dev.stele.maven;

import dev.stele.client.SchemaDefinition;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code register}: registers each schema under its subject (or finds it there) and logs id and version. */
@Mojo(name = "register", threadSafe = true)
public class RegisterMojo extends SubjectMojo {
  /** Let the registry normalize each schema before registering it ({@code normalize=true}). */
  @Parameter(defaultValue = "false")
  boolean normalizeSchemas;

  /** Confluent's tag propagation on registration. Not supported yet: true fails. */
  @Parameter(defaultValue = "false")
  boolean propagateSchemaTags;

  @Override
  String goal() {
    return "register";
  }

  @Override
  void refuseUnsupported() throws MojoExecutionException {
    if (propagateSchemaTags) {
      throw new MojoExecutionException("propagateSchemaTags is not supported by stele-maven-plugin yet;"
          + " remove it or set it to false");
    }
  }

  @Override
  boolean process(SubjectSchema schema, List<SubjectSchema> plan) throws MojoExecutionException {
    SchemaDefinition definition = definition(schema);
    String subject = schema.subject();
    try {
      int id = client().register(subject, definition, normalizeSchemas);
      // Older registries answer a registration with the id only: the lookup gives the version.
      int version = client().lookup(subject, definition, normalizeSchemas).version();
      registered.put(subject, version);
      getLog().info("Registered subject(" + subject + ") with id " + id + " version " + version);
      return true;
    } catch (Exception e) {
      throw failed("register " + schema.file() + " under " + subject, e);
    }
  }

  @Override
  String failureMessage(List<String> failed) {
    return "could not register " + failed;
  }
}
