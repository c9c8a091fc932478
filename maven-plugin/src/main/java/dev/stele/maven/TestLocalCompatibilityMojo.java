package dev.stele.maven;

import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityPolicy;
import dev.stele.schema.HistoryCheck;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code test-local-compatibility}: checks schema files against earlier versions held in files, at
 * a given level, with the registry's own checkers and messages (schema-api's {@link HistoryCheck})
 * and no server.
 */
@Mojo(name = "test-local-compatibility", threadSafe = true)
public class TestLocalCompatibilityMojo extends AbstractMojo {
  /** Key → the new schema's file. The keys only tie the other maps to it. */
  @Parameter(required = true)
  Map<String, File> schemas;

  /** Key → AVRO (the default), JSON or PROTOBUF. */
  @Parameter
  Map<String, String> schemaTypes;

  /** Key → a previous schema's file, or a directory of them (read in file name order, oldest first). */
  @Parameter(required = true)
  Map<String, File> previousSchemaPaths;

  /** Key → the level to check at: NONE, BACKWARD, ..., FULL_TRANSITIVE. */
  @Parameter(required = true)
  Map<String, String> compatibilityLevels;

  /**
   * Key → Confluent's policy: STRICT (the default) or LENIENT (JSON Schema counts more changes
   * compatible, as the registry does for a subject so configured); LOGICAL is refused.
   */
  @Parameter
  Map<String, String> compatibilityPolicies;

  /** Skips the goal. */
  @Parameter(property = "kafka-schema-registry.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipped (skip is true, -Dkafka-schema-registry.skip)");
      return;
    }
    if (schemas == null || schemas.isEmpty()) {
      throw new MojoExecutionException("schemas: name at least one schema file, e.g."
          + " <schemas><order>src/main/avro/order.avsc</order></schemas>");
    }
    for (Map.Entry<String, ? extends Map<String, ?>> other : Map.of("schemaTypes", nonNull(schemaTypes),
        "previousSchemaPaths", nonNull(previousSchemaPaths), "compatibilityLevels", nonNull(compatibilityLevels),
        "compatibilityPolicies", nonNull(compatibilityPolicies)).entrySet()) {
      SubjectPlan.requireKnown(other.getKey(), other.getValue().keySet(), schemas.keySet());
    }
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, File> entry : schemas.entrySet()) {
      if (!check(entry.getKey(), entry.getValue())) {
        failed.add(entry.getKey());
      }
    }
    if (!failed.isEmpty()) {
      throw new MojoFailureException("Schemas not compatible with their previous schemas: " + failed
          + "; the errors above say why");
    }
  }

  private boolean check(String key, File file) throws MojoExecutionException {
    CompatibilityLevel level = level(key);
    CompatibilityPolicy policy = policy(key);
    SchemaFormat format = Formats.find(nonNull(schemaTypes).get(key), "schemaTypes: " + key);
    File previousPath = nonNull(previousSchemaPaths).get(key);
    if (previousPath == null) {
      throw new MojoExecutionException("previousSchemaPaths: no entry for " + key + "; give the previous"
          + " schema's file or a directory of previous schemas");
    }
    List<File> previousFiles = PreviousFiles.list(key, previousPath, level);
    ParsedSchema candidate = Formats.parse(format, SubjectPlan.text(file, "schemas: " + key), List.of(),
        "schemas: " + key + " (" + file + ")");
    List<ParsedSchema> previous = new ArrayList<>();
    for (File old : previousFiles) {
      previous.add(Formats.parse(format, SubjectPlan.text(old, "previousSchemaPaths: " + key), List.of(),
          "previousSchemaPaths: " + key + " (" + old + ")"));
    }
    HistoryCheck.Verdict verdict = HistoryCheck.check(format, candidate, previous, level, policy);
    String levelName = level.name().toLowerCase(Locale.ROOT);
    if (verdict.compatible()) {
      getLog().info("Schema " + file + " is " + levelName + " compatible with " + previous.size()
          + " previous schema" + (previous.size() == 1 ? "" : "s") + " (" + key + ")");
      return true;
    }
    getLog().error("Schema " + file + " is not " + levelName + " compatible with previous schemas (" + key + "): "
        + verdict.messages());
    return false;
  }

  private CompatibilityLevel level(String key) throws MojoExecutionException {
    String value = nonNull(compatibilityLevels).get(key);
    if (value == null) {
      throw new MojoExecutionException("compatibilityLevels: no level for " + key);
    }
    return CompatibilityLevel.parse(value).orElseThrow(() -> new MojoExecutionException("compatibilityLevels: '"
        + value + "' for " + key + " is not a level; use NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,"
        + " FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE"));
  }

  private CompatibilityPolicy policy(String key) throws MojoExecutionException {
    String value = nonNull(compatibilityPolicies).get(key);
    if (value == null) {
      return CompatibilityPolicy.STRICT;
    }
    try {
      return CompatibilityPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("compatibilityPolicies: '" + value + "' for " + key + " is not supported;"
          + " use STRICT or LENIENT (LOGICAL's logical-type checks are not built, in the registry either)");
    }
  }

  private static <V> Map<String, V> nonNull(Map<String, V> map) {
    return map == null ? Map.of() : map;
  }
}
