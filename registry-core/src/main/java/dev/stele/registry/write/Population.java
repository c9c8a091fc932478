package dev.stele.registry.write;

import dev.stele.registry.log.ContractCodec;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.Metadata;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.RuleSet;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.Versions;
import dev.stele.registry.state.VersionEntry;

/**
 * What a new version takes from its subject's config and latest version before it is checked and
 * stored (../shared/API.md §2.2 step 5, §2.9), outside IMPORT mode:
 * <ul>
 *   <li>an empty schema is the latest version's schema (type and references included), so a
 *       client can change only metadata or rules;
 *   <li>metadata is {@code overrideMetadata ⊕ (submitted, else the latest version's) ⊕
 *       defaultMetadata} from the config, and the same for rule sets;
 *   <li>{@code confluent:version} is set to the new version number when the client asked for a
 *       version (any non-zero {@code version}, {@code -1} included) or the metadata carries the
 *       property already, so the property always tells the version it is stored under.
 * </ul>
 */
public final class Population {
  private Population() {}

  /**
   * The populated submission.
   *
   * @param modified whether anything was filled in or merged: the Confluent registry then answers
   *     the registration with the whole version instead of the id alone
   */
  public record Populated(SchemaPayload payload, boolean modified) {}

  public static Populated populate(SchemaPayload submitted, Config config, VersionEntry latest,
      Integer requestedVersion, int newVersion) {
    SchemaPayload payload = submitted;
    boolean modified = false;
    if ((payload.schema() == null || payload.schema().isBlank()) && latest != null) {
      StoredSchema previous = latest.schema();
      payload = new SchemaPayload(previous.schema(), previous.schemaType(), previous.references(),
          payload.metadata(), payload.ruleSet());
      modified = true;
    }
    Metadata metadata = metadata(payload, config, latest);
    boolean versionAsked = requestedVersion != null && requestedVersion != 0;
    if (versionAsked || (metadata != null && metadata.property(Metadata.CONFLUENT_VERSION) != null)) {
      metadata = (metadata == null ? Metadata.EMPTY : metadata)
          .withProperty(Metadata.CONFLUENT_VERSION, Integer.toString(newVersion));
    }
    RuleSet rules = rules(payload, config, latest);
    modified |= metadata != null || rules != null;
    return new Populated(new SchemaPayload(payload.schema(), payload.schemaType(), payload.references(),
        ContractCodec.json(metadata), ContractCodec.json(rules)), modified);
  }

  /**
   * A lookup's second try (Confluent since 7.9.2): the submission with the metadata and rules a
   * registration would give it (the config's defaults and overrides around the submission's own,
   * or the latest version's), {@code confluent:version} left as it is.
   */
  public static SchemaPayload inherited(SchemaPayload submitted, Config config, VersionEntry latest) {
    return new SchemaPayload(submitted.schema(), submitted.schemaType(), submitted.references(),
        ContractCodec.json(metadata(submitted, config, latest)),
        ContractCodec.json(rules(submitted, config, latest)));
  }

  private static Metadata metadata(SchemaPayload payload, Config config, VersionEntry latest) {
    RawJson specific = payload.metadata() != null || latest == null
        ? payload.metadata() : latest.schema().metadata();
    return Metadata.merge(Metadata.merge(
        ContractCodec.metadata(config.defaultMetadata()), ContractCodec.metadata(specific)),
        ContractCodec.metadata(config.overrideMetadata()));
  }

  private static RuleSet rules(SchemaPayload payload, Config config, VersionEntry latest) {
    RawJson specific = payload.ruleSet() != null || latest == null
        ? payload.ruleSet() : latest.schema().ruleSet();
    return RuleSet.merge(RuleSet.merge(
        ContractCodec.ruleSet(config.defaultRuleSet()), ContractCodec.ruleSet(specific)),
        ContractCodec.ruleSet(config.overrideRuleSet()));
  }

  /**
   * The submission as the fast path looks it up. A version asked for is the version's
   * {@code confluent:version}: {@code n} is {@code "n"}, and {@code -1} (the latest version) is
   * the latest version's property, if it has one. So the same schema registered earlier without a
   * version is not what such a client asked for.
   */
  public static SchemaPayload forLookup(SchemaPayload submitted, Integer requestedVersion, VersionEntry latest) {
    String asked = null;
    if (requestedVersion != null && requestedVersion > 0) {
      asked = Integer.toString(requestedVersion);
    } else if (requestedVersion != null && requestedVersion == Versions.LATEST && latest != null) {
      Metadata latestMetadata = ContractCodec.metadata(latest.schema().metadata());
      asked = latestMetadata == null ? null : latestMetadata.property(Metadata.CONFLUENT_VERSION);
    }
    if (asked == null) {
      return submitted;
    }
    Metadata metadata = ContractCodec.metadata(submitted.metadata());
    metadata = (metadata == null ? Metadata.EMPTY : metadata)
        .withProperty(Metadata.CONFLUENT_VERSION, asked);
    return new SchemaPayload(submitted.schema(), submitted.schemaType(), submitted.references(),
        ContractCodec.json(metadata), submitted.ruleSet());
  }

  /** Whether the config adds metadata or rules to every new version (no fast path then). */
  public static boolean configContributes(Config config) {
    return config.defaultMetadata() != null || config.overrideMetadata() != null
        || config.defaultRuleSet() != null || config.overrideRuleSet() != null;
  }
}
