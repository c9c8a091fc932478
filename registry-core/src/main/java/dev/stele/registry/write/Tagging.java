package dev.stele.registry.write;

import dev.stele.registry.log.ContractCodec;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Metadata;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results.Registered;
import dev.stele.registry.model.RuleSet;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.read.VersionReads;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.write.Writer.Decision;

/**
 * {@code POST /subjects/{s}/versions/{v}/tags} (../shared/API.md §1.3): version {@code v} is
 * registered again as a new version, with its tags edited in the schema text and its metadata
 * or rules replaced or edited. The new version's metadata is the request's or {@code v}'s, with
 * {@code confluent:version} set, so the result is always a new version (even with no edit at all,
 * as in Confluent) and always passes through a plain registration: checks, ids, records.
 */
public record Tagging(SchemaParser parser, NodeOptions options, Registration registration) {
  public Decision<Registered> decide(Requests.TagVersion request, RegistryState state) {
    if (request.ruleSet() != null && (request.rulesToMerge() != null || request.rulesToRemove() != null)) {
      throw ErrorCode.INVALID_RULE_SET.exception(
          "ruleSet should be omitted if specifying rulesToMerge or rulesToRemove");
    }
    VersionReads versions = new VersionReads(state, parser, options);
    SchemaVersion tagged = versions.version(
        new Requests.GetVersion(request.subject(), request.version(), false, null)).version();
    StoredSchema schema = tagged.schema();
    Metadata metadata = ContractCodec.metadata(
        request.metadata() != null ? request.metadata() : schema.metadata());
    // The placeholder 0 when no version is asked for: registration replaces it with the number
    // the version gets, as for any metadata that carries the property.
    int newVersion = request.newVersion() == null ? 0 : request.newVersion();
    metadata = (metadata == null ? Metadata.EMPTY : metadata)
        .withProperty(Metadata.CONFLUENT_VERSION, Integer.toString(newVersion));
    SchemaPayload payload = new SchemaPayload(schema.schema(), schema.schemaType(), schema.references(),
        ContractCodec.json(metadata), ruleSet(request, tagged.subject(), versions));
    return registration.decide(new Requests.Register(tagged.subject(), payload, false, null,
        newVersion == 0 ? null : newVersion, request.tags(), false), state);
  }

  /**
   * The request's rule set; or, to merge or remove rules, the previous version's edited (the one
   * before {@code newVersion}, else the latest), as Confluent does.
   */
  private static RawJson ruleSet(Requests.TagVersion request, String subject, VersionReads versions) {
    if (request.rulesToMerge() == null && request.rulesToRemove() == null) {
      return request.ruleSet();
    }
    String previous = request.newVersion() != null ? Integer.toString(request.newVersion() - 1) : "latest";
    RuleSet rules;
    try {
      rules = ContractCodec.ruleSet(versions.version(
          new Requests.GetVersion(subject, previous, false, null)).version().schema().ruleSet());
    } catch (RegistryException e) {
      rules = null; // no such version: the rules to merge are all there is
    }
    rules = RuleSet.merge(rules, ContractCodec.ruleSet(request.rulesToMerge()));
    if (rules != null && request.rulesToRemove() != null) {
      rules = rules.without(request.rulesToRemove());
    }
    return ContractCodec.json(rules);
  }
}
