package dev.stele.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
    ObjectNode body = body(schema);
    String subject = schema.subject();
    try {
      ContractCalls.Registered done = contractCalls().register(subject, body, normalizeSchemas);
      registered.put(subject, done.version());
      getLog().info("Registered subject(" + subject + ") with id " + done.id() + " version " + done.version());
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
