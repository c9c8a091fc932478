package dev.stele.registry.model;

import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.CompatibilityPolicy;

/**
 * A config scope's settings as stored in a CONFIG record; every field may be null (not set).
 * The fields and their order are the Confluent registry's (8.5).
 *
 * @param aliasForDeks the subject whose DEKs the serdes use for this one (Confluent's field of
 *     the same name); the registry only keeps and answers it
 * @param validateNewSchemas whether a registration parses the schema as new, with the format's
 *     stricter checks (Avro: defaults and names); unset means the server's
 *     {@code schema.validate.new.schemas} ({@link NodeOptions#validatesNewSchemas})
 * @param validateRules kept and answered only: the Confluent registry (8.5) reads it nowhere
 *     either, rule sets are always validated on register
 * @param compatibilityPolicy {@link CompatibilityPolicies}: STRICT or LENIENT (what the checks
 *     apply, {@link #policy()})
 */
public record Config(
    String alias, String aliasForDeks, Boolean normalize, Boolean validateFields,
    Boolean validateNewSchemas, Boolean validateRules, CompatibilityLevel compatibilityLevel,
    String compatibilityPolicy, String compatibilityGroup, RawJson defaultMetadata,
    RawJson overrideMetadata, RawJson defaultRuleSet, RawJson overrideRuleSet) {

  public static final Config EMPTY = new Config(null, null, null, null, null, null, null, null, null);

  /** A config without the fields Confluent 8.x added. */
  public Config(String alias, String aliasForDeks, Boolean normalize, Boolean validateFields,
      CompatibilityLevel compatibilityLevel, String compatibilityGroup, RawJson defaultMetadata,
      RawJson overrideMetadata, RawJson defaultRuleSet, RawJson overrideRuleSet) {
    this(alias, aliasForDeks, normalize, validateFields, null, null, compatibilityLevel, null,
        compatibilityGroup, defaultMetadata, overrideMetadata, defaultRuleSet, overrideRuleSet);
  }

  /** A config without {@code aliasForDeks} nor the fields Confluent 8.x added. */
  public Config(String alias, Boolean normalize, Boolean validateFields,
      CompatibilityLevel compatibilityLevel, String compatibilityGroup, RawJson defaultMetadata,
      RawJson overrideMetadata, RawJson defaultRuleSet, RawJson overrideRuleSet) {
    this(alias, null, normalize, validateFields, compatibilityLevel, compatibilityGroup,
        defaultMetadata, overrideMetadata, defaultRuleSet, overrideRuleSet);
  }

  /** The policy a compatibility check under this config applies. */
  public CompatibilityPolicy policy() {
    return CompatibilityPolicies.of(compatibilityPolicy);
  }

  public static Config ofLevel(CompatibilityLevel level) {
    return EMPTY.withLevel(level);
  }

  public Config withLevel(CompatibilityLevel level) {
    return new Config(alias, aliasForDeks, normalize, validateFields, validateNewSchemas,
        validateRules, level, compatibilityPolicy, compatibilityGroup, defaultMetadata,
        overrideMetadata, defaultRuleSet, overrideRuleSet);
  }

  /** This config's fields, each falling back to {@code parent}'s where this one has none. */
  public Config over(Config parent) {
    return new Config(
        alias != null ? alias : parent.alias,
        aliasForDeks != null ? aliasForDeks : parent.aliasForDeks,
        normalize != null ? normalize : parent.normalize,
        validateFields != null ? validateFields : parent.validateFields,
        validateNewSchemas != null ? validateNewSchemas : parent.validateNewSchemas,
        validateRules != null ? validateRules : parent.validateRules,
        compatibilityLevel != null ? compatibilityLevel : parent.compatibilityLevel,
        compatibilityPolicy != null ? compatibilityPolicy : parent.compatibilityPolicy,
        compatibilityGroup != null ? compatibilityGroup : parent.compatibilityGroup,
        defaultMetadata != null ? defaultMetadata : parent.defaultMetadata,
        overrideMetadata != null ? overrideMetadata : parent.overrideMetadata,
        defaultRuleSet != null ? defaultRuleSet : parent.defaultRuleSet,
        overrideRuleSet != null ? overrideRuleSet : parent.overrideRuleSet);
  }
}
