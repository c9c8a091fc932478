package dev.stele.registry.read;

import dev.stele.registry.log.ContractCodec;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Metadata;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.Results.Compatibility;
import dev.stele.registry.model.Results.Problem;
import dev.stele.registry.model.Results.VersionConflict;
import dev.stele.registry.model.Submission;
import dev.stele.registry.model.Versions;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.CheckDigest;
import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.CompatibilityWording;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a compatibility level to a new schema and a subject's history: the level gives the
 * direction (new reads old, old reads new, or both) and the history (latest or all live
 * versions, newest first; a transitive check stops at the first version that fails, as the
 * Confluent registry's does).
 */
public final class CompatibilityCheck {
  private final SchemaParser parser;

  public CompatibilityCheck(SchemaParser parser) {
    this.parser = parser;
  }

  /**
   * {@code POST /compatibility/subjects/{s}/versions[/{v}]}: against one live version (none for
   * {@code latest} of an empty subject: compatible), or against what the subject's level and
   * compatibility group select. In verbose mode an unparsable schema is a message, not an error.
   */
  public Compatibility check(Requests.CheckCompatibility request, RegistryState state, NodeOptions options) {
    String subject = SubjectLookup.resolve(state, request.subject());
    Config config = Scopes.effectiveConfig(state, subject, options);
    // A level asked for (Stele's /v1/compatibility, the console's playground) judges as if the
    // subject were set to it; nothing is written.
    CompatibilityLevel level = request.level() != null ? request.level() : config.compatibilityLevel();
    CheckTerms terms = CheckTerms.of(config, level, options);
    SubjectHistory history = state.history(subject);
    List<VersionEntry> against;
    if (request.version() == null) {
      against = history == null ? List.of() : against(inGroup(history.live(), config.compatibilityGroup(),
          ContractCodec.canonicalMetadata(request.payload().metadata())), level);
    } else {
      int asked = Versions.parse(request.version());
      VersionEntry entry = history == null ? null
          : asked == Versions.LATEST ? history.latestLive() : history.get(asked);
      if (entry != null && entry.deleted()) {
        entry = null;
      }
      if (entry == null && asked != Versions.LATEST) {
        throw ErrorCode.VERSION_NOT_FOUND.exception(asked);
      }
      against = entry == null ? List.of() : List.of(entry);
    }
    boolean normalize = request.normalize() || Boolean.TRUE.equals(config.normalize());
    ParsedSchema parsed;
    try {
      // As a registration parses it: validateNewSchemas=false drops the checks for new schemas.
      parsed = parser.parse(new Submission(subject, request.payload(), null, null), state,
          options.validatesNewSchemas(config), normalize);
    } catch (RegistryException e) {
      if (request.verbose() && e.code() == ErrorCode.INVALID_SCHEMA) {
        return new Compatibility(List.of(), List.of(new Problem.Unparsable(e)), level,
            terms.validateFields());
      }
      throw e;
    }
    return check(parsed, ContractCodec.canonicalMetadata(request.payload().metadata()), against,
        terms, state);
  }

  /**
   * @param metadata the new schema's metadata (its {@code confluent:reserved} fields)
   * @param previous the versions to check against, oldest first (all the level needs; the
   *     caller picks latest-only or all)
   */
  public Compatibility check(ParsedSchema candidate, RawJson metadata, List<VersionEntry> previous,
      CheckTerms terms, RegistryState state) {
    CompatibilityLevel level = terms.level();
    List<VersionConflict> conflicts = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (terms.validateFields()) {
      RawJson latest = previous.isEmpty() ? null : previous.get(previous.size() - 1).schema().metadata();
      for (String message : ReservedFields.problems(candidate, metadata, latest, !previous.isEmpty())) {
        problems.add(new Problem.ReservedField(message));
      }
    }
    if (level != CompatibilityLevel.NONE) {
      SchemaFormat format = parser.format(candidate.type());
      CheckDigest candidateDigest = format.digest(candidate);
      for (int i = previous.size() - 1; i >= 0; i--) {
        VersionEntry old = previous.get(i);
        if (!old.schema().schemaType().equals(candidate.type())) {
          problems.add(new Problem.DifferentSchemaType());
          break;
        }
        // A kept digest that proves the pair spares parsing the old version (a restart, or a
        // history bigger than the parsed cache); anything not proven is checked in full. A proof
        // holds under STRICT, so under any wider policy too.
        if (level.proven(format, candidateDigest, parser.knownDigest(old.schema()))) {
          continue;
        }
        VersionConflict conflict = compare(candidate, parser.parseStored(old.schema(), state), terms, old);
        if (conflict != null) {
          conflicts.add(conflict);
          break;
        }
      }
    }
    return new Compatibility(conflicts, problems, level, terms.validateFields());
  }

  /** The versions a level checks against: the latest live one, or every live one. */
  public static List<VersionEntry> against(List<VersionEntry> live, CompatibilityLevel level) {
    if (level.transitive() || live.size() <= 1) {
      return live;
    }
    return List.of(live.get(live.size() - 1));
  }

  /**
   * The conflict with one old version, or null. The order of the two readings and when the old
   * version is quoted are the Confluent registry's, shared with the command-line tool
   * ({@link CompatibilityLevel#compare}, {@link CompatibilityWording#quotesOld}).
   */
  private VersionConflict compare(ParsedSchema candidate, ParsedSchema old, CheckTerms terms,
      VersionEntry entry) {
    CompatibilityResult both = terms.level().compare(parser.format(candidate.type()), candidate, old,
        terms.policy());
    if (both.isCompatible()) {
      return null;
    }
    return new VersionConflict(entry.version(), entry.schema().schema(), both.incompatibilities(),
        CompatibilityWording.quotesOld(terms.level(), both));
  }

  /**
   * The versions a {@code compatibilityGroup} puts the candidate with (../shared/API.md §2.10):
   * those whose metadata property of that name has the candidate's value (absent matches absent).
   * Without a group, all of them.
   */
  public static List<VersionEntry> inGroup(List<VersionEntry> versions, String group, RawJson candidateMetadata) {
    if (group == null || group.isEmpty()) {
      return versions;
    }
    String value = property(candidateMetadata, group);
    List<VersionEntry> same = new ArrayList<>();
    for (VersionEntry entry : versions) {
      if (Objects.equals(value, property(entry.schema().metadata(), group))) {
        same.add(entry);
      }
    }
    return same;
  }

  private static String property(RawJson metadata, String key) {
    Metadata parsed = ContractCodec.metadata(metadata);
    return parsed == null ? null : parsed.property(key);
  }
}
