package dev.stele.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.RegisteredSchema;
import dev.stele.client.SchemaDefinition;
import dev.stele.schema.SchemaReference;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The goals that take schema files by subject (register, test-compatibility, validate), with
 * Confluent's parameters. Every subject is processed even after one fails, so a build lists all
 * its problems at once; a subject comes after the subjects of this run it references.
 */
abstract class SubjectMojo extends RegistryMojo {
  /** Subject → schema file. An element name may spell a subject percent-encoded with {@code _x}. */
  @Parameter(required = true)
  Map<String, File> subjects;

  /** Subject → AVRO (the default), JSON or PROTOBUF. */
  @Parameter
  Map<String, String> schemaTypes;

  /** Subject → {@code <reference><name/><subject/><version/></reference>} list. */
  @Parameter
  PlexusConfiguration references;

  /** Subject → {@code <tags>}, {@code <properties>}, {@code <sensitive>}: sent with the schema. */
  @Parameter
  PlexusConfiguration metadata;

  /** Subject → {@code <migrationRules>}, {@code <domainRules>}, {@code <encodingRules>}, {@code <enableAt>}. */
  @Parameter
  PlexusConfiguration ruleSet;

  /** Whether element names are decoded ({@code _x2F} → {@code /}), as Confluent's plugin does. */
  @Parameter(defaultValue = "true")
  boolean decodeSubject = true;

  /** Versions registered by this run, for references that name no version. */
  final Map<String, Integer> registered = new HashMap<>();

  private Map<String, ObjectNode> metadataBySubject = Map.of();
  private Map<String, ObjectNode> ruleSetBySubject = Map.of();

  @Override
  final void run() throws MojoExecutionException, MojoFailureException {
    List<SubjectSchema> plan = SubjectPlan.of(subjects, schemaTypes, Reference.parse(references, decodeSubject),
        decodeSubject);
    Set<String> names = plan.stream().map(SubjectSchema::subject).collect(Collectors.toSet());
    metadataBySubject = DataContracts.metadata(metadata, decodeSubject);
    SubjectPlan.requireKnown("metadata", metadataBySubject.keySet(), names);
    ruleSetBySubject = DataContracts.ruleSets(ruleSet, decodeSubject);
    SubjectPlan.requireKnown("ruleSet", ruleSetBySubject.keySet(), names);
    int errors = 0;
    List<String> failed = new ArrayList<>();
    for (SubjectSchema schema : plan) {
      try {
        if (!process(schema, plan)) {
          failed.add(schema.subject());
        }
      } catch (MojoExecutionException e) {
        if (e.getCause() instanceof IOException) {
          // Unreachable after the client's retries and failover: the next subjects would only wait as long.
          throw e;
        }
        getLog().error(e.getMessage());
        getLog().debug(e);
        errors++;
      }
    }
    if (errors > 0) {
      throw new MojoExecutionException(goal() + ": " + errors + " of " + plan.size()
          + " subjects could not be processed; the errors above say why");
    }
    if (!failed.isEmpty()) {
      throw new MojoFailureException(failureMessage(failed));
    }
  }

  /** @return false when the subject fails the goal's test (the build fails after all are done) */
  abstract boolean process(SubjectSchema schema, List<SubjectSchema> plan) throws MojoExecutionException;

  abstract String failureMessage(List<String> failed);

  /** The schema as the registry takes it, each reference with a version. */
  private SchemaDefinition definition(SubjectSchema schema) throws MojoExecutionException {
    List<SchemaReference> list = new ArrayList<>();
    for (Reference reference : schema.references()) {
      list.add(new SchemaReference(reference.name(), reference.subject(), versionOf(schema.subject(), reference)));
    }
    return new SchemaDefinition(schema.format().type(), schema.text(), list);
  }

  /** The registry's request body: the schema, its references with versions, its metadata and rule set. */
  ObjectNode body(SubjectSchema schema) throws MojoExecutionException {
    return ContractCalls.body(definition(schema), metadataBySubject.get(schema.subject()),
        ruleSetBySubject.get(schema.subject()));
  }

  /**
   * The schema parsed on this machine as the registry would, its references read from this run's
   * files or from the registry ({@link LocalReferences}).
   *
   * @throws Formats.Invalid when the schema does not parse
   */
  void parseLocally(SubjectSchema schema, List<SubjectSchema> plan) throws MojoExecutionException {
    Map<String, SubjectSchema> local = new LinkedHashMap<>();
    plan.forEach(each -> local.put(each.subject(), each));
    LocalReferences references = new LocalReferences(local, this::fromRegistry);
    Formats.parse(schema.format(), schema.text(), references.resolve(schema),
        "Schema " + schema.file() + " of subject(" + schema.subject() + ")");
  }

  private RegisteredSchema fromRegistry(String subject, Integer version) throws MojoExecutionException {
    String what = goal() + ": the referenced subject " + subject + " is not one of <subjects>, so it is read from"
        + " the registry";
    try {
      return version == null ? client().getLatest(subject) : client().getVersion(subject, version);
    } catch (MojoExecutionException e) {
      throw new MojoExecutionException(what + "; " + e.getMessage(), e);
    } catch (Exception e) {
      throw failed(what, e);
    }
  }

  /** The version given, else the one this run registered, else the latest registered (as Confluent's plugin). */
  private int versionOf(String subject, Reference reference) throws MojoExecutionException {
    if (reference.version() != null) {
      return reference.version();
    }
    Integer ours = registered.get(reference.subject());
    if (ours != null) {
      return ours;
    }
    try {
      int latest = client().getLatest(reference.subject()).version();
      getLog().warn(subject + ": reference " + reference.name() + " names no version; using the latest of "
          + reference.subject() + ", version " + latest);
      return latest;
    } catch (Exception e) {
      throw failed(subject + ": reference " + reference.name() + " to subject " + reference.subject(), e);
    }
  }
}
