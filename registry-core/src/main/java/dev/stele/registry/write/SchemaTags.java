package dev.stele.registry.write;

import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.Submission;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.TagEdit;
import java.util.Map;
import java.util.Set;

/**
 * Tags a registration writes into its schema before it is checked and stored: the request's
 * {@code schemaTagsToAdd}/{@code schemaTagsToRemove}, then, with {@code propagateSchemaTags}, the
 * tags of the subject's latest version, added. The format writes them into the text
 * ({@link ParsedSchema#withTags}); the registration then parses that text like any other.
 */
final class SchemaTags {
  private SchemaTags() {}

  /** The payload with its tags edited; the same instance when nothing changes. */
  static SchemaPayload apply(Requests.Register request, SchemaPayload payload, VersionEntry latest,
      SchemaParser parser, RegistryState state) {
    SchemaPayload tagged = payload;
    if (!request.tags().isEmpty()) {
      tagged = retag(request, tagged, request.tags(), parser, state);
    }
    if (request.propagateTags() && latest != null) {
      Map<SchemaEntity, Set<String>> inherited = parser.parseStored(latest.schema(), state).inlineTags();
      if (!inherited.isEmpty()) {
        tagged = retag(request, tagged, TagEdit.adding(inherited), parser, state);
      }
    }
    return tagged;
  }

  /** 42201 when a path matches nothing or the format has no tags, as Confluent answers. */
  private static SchemaPayload retag(Requests.Register request, SchemaPayload payload, TagEdit edit,
      SchemaParser parser, RegistryState state) {
    Submission submitted = new Submission(request.subject(), payload, request.id(), request.version());
    ParsedSchema parsed = parser.parse(submitted, state, false, false);
    String text;
    try {
      text = parsed.withTags(edit);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw ErrorCode.INVALID_SCHEMA.exception(e.getMessage());
    }
    return new SchemaPayload(text, parsed.type(), payload.references(), payload.metadata(), payload.ruleSet());
  }
}
