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

  /** Carry the tags of the subject's latest version into the new one (schema tags written in the text). */
  @Parameter(defaultValue = "false")
  boolean propagateSchemaTags;

  @Override
  String goal() {
    return "register";
  }

  @Override
  boolean process(SubjectSchema schema, List<SubjectSchema> plan) throws MojoExecutionException {
    ObjectNode body = body(schema);
    if (propagateSchemaTags) {
      body.put("propagateSchemaTags", true);
    }
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
