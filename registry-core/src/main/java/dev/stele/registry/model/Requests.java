package dev.stele.registry.model;

import dev.stele.registry.Settings;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.TagEdit;
import java.util.List;
import java.util.Objects;

/**
 * The request records of the {@code Registry} and {@code Settings} services: one record per
 * operation instead of flag lists (DESIGN.md rule 7). Subjects are as given in the URL, possibly
 * context-qualified ({@code :.ctx:name}); versions are the raw path text ({@code 3}, {@code latest},
 * {@code -1}), validated by the service. A {@code findTags} list asks a read for the schema's
 * tagged entities that carry any of those tags ({@code *}: all); empty asks for none.
 */
public final class Requests {
  private Requests() {}

  /**
   * {@code POST /subjects/{s}/versions}.
   *
   * @param id an explicit schema id (IMPORT mode), or null
   * @param version an explicit version, or null
   * @param tags {@code schemaTagsToAdd}/{@code schemaTagsToRemove}, written into the schema
   * @param propagateTags {@code propagateSchemaTags}: the latest version's tags are added too
   * @param force {@code force}: no compatibility check (nor reserved-field check) against the
   *     subject's versions, as in IMPORT mode (Confluent 8.x)
   */
  public record Register(
      String subject, SchemaPayload payload, boolean normalize, Integer id, Integer version,
      TagEdit tags, boolean propagateTags, boolean force) {
    public Register {
      tags = tags == null ? TagEdit.NONE : tags;
    }

    public Register(String subject, SchemaPayload payload, boolean normalize, Integer id, Integer version,
        TagEdit tags, boolean propagateTags) {
      this(subject, payload, normalize, id, version, tags, propagateTags, false);
    }

    public Register(String subject, SchemaPayload payload, boolean normalize, Integer id, Integer version) {
      this(subject, payload, normalize, id, version, TagEdit.NONE, false);
    }

    /** Whether the schema is changed before it is stored, so it is never the one sent. */
    public boolean editsTags() {
      return !tags.isEmpty() || propagateTags;
    }
  }

  /**
   * {@code POST /subjects/{s}/versions/{v}/tags}: registers version {@code v} again with tags
   * edited, and its metadata or rules replaced or edited.
   *
   * @param newVersion the version to register as (42201 unless the next one), or null
   * @param metadata replaces the version's metadata, or null to keep it
   * @param ruleSet replaces the rules, or null (then the latest version's are kept)
   * @param rulesToMerge rules laid over the previous version's, or null
   * @param rulesToRemove names of the previous version's rules to drop, or null
   */
  public record TagVersion(String subject, String version, Integer newVersion, TagEdit tags,
      RawJson metadata, RawJson ruleSet, RawJson rulesToMerge, List<String> rulesToRemove) {
    public TagVersion {
      tags = tags == null ? TagEdit.NONE : tags;
      rulesToRemove = rulesToRemove == null ? null : List.copyOf(rulesToRemove);
    }
  }

  /** {@code POST /subjects/{s}}. */
  public record Lookup(
      String subject, SchemaPayload payload, boolean normalize, boolean deleted) {}

  /**
   * {@code POST /compatibility/subjects/{s}/versions[/{v}]}.
   *
   * @param version the version to check against, or null to check by the subject's level
   * @param level the level to judge at (and to pick the versions by), or null for the subject's
   *     effective one
   */
  public record CheckCompatibility(
      String subject, String version, SchemaPayload payload, boolean normalize, boolean verbose,
      CompatibilityLevel level) {
    /** At the subject's effective level. */
    public CheckCompatibility(String subject, String version, SchemaPayload payload, boolean normalize,
        boolean verbose) {
      this(subject, version, payload, normalize, verbose, null);
    }
  }

  /** {@code GET /schemas/ids/{id}} and its sub-resources. */
  public record SchemaById(int id, String subject, String format, boolean fetchMaxId,
      List<String> findTags) {
    public SchemaById {
      findTags = findTags == null ? List.of() : List.copyOf(findTags);
    }

    public SchemaById(int id, String subject, String format, boolean fetchMaxId) {
      this(id, subject, format, fetchMaxId, List.of());
    }
  }

  /** {@code GET /schemas/guids/{guid}}: the guid as the client wrote it. */
  public record SchemaByGuid(String guid, String format) {}

  /** {@code GET /schemas/ids/{id}/subjects} and {@code /versions}. */
  public record IdUsages(int id, String subject, boolean deleted, int offset, int limit) {}

  /**
   * {@code GET /schemas}.
   *
   * @param ruleType only versions with a rule of this type ({@code CEL}, ...), or null for all
   * @param associations Confluent 8.5's {@code resourceType}, {@code associationType} and
   *     {@code lifecycle} filters
   */
  public record ListSchemas(String subjectPrefix, boolean deleted, boolean latestOnly, String ruleType,
      AssociationRequests.SchemaFilter associations, int offset, int limit) {
    public ListSchemas {
      associations = associations == null ? AssociationRequests.SchemaFilter.NONE : associations;
    }

    /** Without association filters. */
    public ListSchemas(String subjectPrefix, boolean deleted, boolean latestOnly, String ruleType,
        int offset, int limit) {
      this(subjectPrefix, deleted, latestOnly, ruleType, null, offset, limit);
    }
  }

  /** {@code GET /contexts}: names starting with the prefix ("" for all), paged. */
  public record ListContexts(String contextPrefix, int offset, int limit) {}

  /** {@code DELETE /contexts/{context}}: the name with or without its leading dot. */
  public record DeleteContext(String context) {}

  /** {@code GET /subjects}. */
  public record ListSubjects(
      String subjectPrefix, boolean deleted, boolean deletedOnly, int offset, int limit) {}

  /** {@code GET /subjects/{s}/versions}. */
  public record ListVersions(
      String subject, boolean deleted, boolean deletedOnly, boolean deletedAsNegative, int offset,
      int limit) {}

  /** {@code GET /subjects/{s}/versions/{v}} (and {@code /schema}). */
  public record GetVersion(String subject, String version, boolean deleted, String format,
      List<String> findTags) {
    public GetVersion {
      findTags = findTags == null ? List.of() : List.copyOf(findTags);
    }

    public GetVersion(String subject, String version, boolean deleted, String format) {
      this(subject, version, deleted, format, List.of());
    }
  }

  /**
   * {@code GET /subjects/{s}/metadata}.
   *
   * @param properties the metadata properties the version must have (all of them; none: the
   *     latest version)
   */
  public record LatestWithMetadata(
      String subject, java.util.Map<String, String> properties, boolean deleted, String format) {
    public LatestWithMetadata {
      properties = java.util.Map.copyOf(properties);
    }
  }

  /** {@code GET /subjects/{s}/versions/{v}/referencedby}. */
  public record ReferencedBy(String subject, String version, boolean deleted, int offset, int limit) {}

  /** {@code DELETE /subjects/{s}/versions/{v}}. */
  public record DeleteVersion(String subject, String version, boolean permanent) {}

  /** {@code DELETE /subjects/{s}}. */
  public record DeleteSubject(String subject, boolean permanent) {}

  /**
   * {@code GET /config[/{s}]}: a null subject is the global scope.
   *
   * @param defaultToGlobal the effective config (falling back to wider scopes and the server
   *     default) instead of the scope's own
   */
  public record GetConfig(String subject, boolean defaultToGlobal) {}

  /** {@code PUT /config[/{s}]}: a field of {@code update} that is null keeps its old value. */
  public record UpdateConfig(String subject, Config update) {}

  /** {@code DELETE /config[/{s}]}. */
  public record DeleteConfig(String subject) {}

  /** {@code GET /mode[/{s}]}. */
  public record GetMode(String subject, boolean defaultToGlobal) {}

  /**
   * {@code PUT /mode[/{s}]}.
   *
   * @param mode the client's text, validated by the service (42204)
   * @param force switch to IMPORT even though the scope holds schemas
   */
  public record UpdateMode(String subject, String mode, boolean force) {}

  /** {@code DELETE /mode/{s}}: with {@code recursive}, the modes of the scope's subjects too. */
  public record DeleteMode(String subject, boolean recursive) {}

  /** Which part of a field {@link FindFields} reads. */
  public enum FieldPart { NAME, TYPE, ANY }

  /**
   * Stele's {@code GET /v1/search/fields}: subjects whose latest live version has a field whose
   * name or type (or either) holds {@code text}, ignoring case.
   *
   * @param limit 0 or less: every match from {@code offset}
   */
  public record FindFields(String text, FieldPart in, int offset, int limit) {
    public FindFields {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(in, "in");
    }
  }
}
