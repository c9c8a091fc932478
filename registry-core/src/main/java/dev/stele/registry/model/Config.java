package dev.stele.registry.model;

import dev.stele.schema.CompatibilityLevel;

/**
 * A config scope's settings as stored in a CONFIG record; every field may be null (not set).
 *
 * @param aliasForDeks the subject whose DEKs the serdes use for this one (Confluent's field of
 *     the same name); the registry only keeps and answers it
 */
public record Config(
    String alias, String aliasForDeks, Boolean normalize, Boolean validateFields,
    CompatibilityLevel compatibilityLevel, String compatibilityGroup, RawJson defaultMetadata,
    RawJson overrideMetadata, RawJson defaultRuleSet, RawJson overrideRuleSet) {

  public static final Config EMPTY = new Config(null, null, null, null, null, null, null, null, null);

  /** A config without {@code aliasForDeks}. */
  public Config(String alias, Boolean normalize, Boolean validateFields,
      CompatibilityLevel compatibilityLevel, String compatibilityGroup, RawJson defaultMetadata,
      RawJson overrideMetadata, RawJson defaultRuleSet, RawJson overrideRuleSet) {
    this(alias, null, normalize, validateFields, compatibilityLevel, compatibilityGroup,
        defaultMetadata, overrideMetadata, defaultRuleSet, overrideRuleSet);
  }

  public static Config ofLevel(CompatibilityLevel level) {
    return EMPTY.withLevel(level);
  }

  public Config withLevel(CompatibilityLevel level) {
    return new Config(alias, aliasForDeks, normalize, validateFields, level, compatibilityGroup,
        defaultMetadata, overrideMetadata, defaultRuleSet, overrideRuleSet);
  }

  /** This config's fields, each falling back to {@code parent}'s where this one has none. */
  public Config over(Config parent) {
    return new Config(
        alias != null ? alias : parent.alias,
        aliasForDeks != null ? aliasForDeks : parent.aliasForDeks,
        normalize != null ? normalize : parent.normalize,
        validateFields != null ? validateFields : parent.validateFields,
        compatibilityLevel != null ? compatibilityLevel : parent.compatibilityLevel,
        compatibilityGroup != null ? compatibilityGroup : parent.compatibilityGroup,
        defaultMetadata != null ? defaultMetadata : parent.defaultMetadata,
        overrideMetadata != null ? overrideMetadata : parent.overrideMetadata,
        defaultRuleSet != null ? defaultRuleSet : parent.defaultRuleSet,
        overrideRuleSet != null ? overrideRuleSet : parent.overrideRuleSet);
  }
}
