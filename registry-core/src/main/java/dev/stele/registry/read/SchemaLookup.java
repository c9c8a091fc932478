package dev.stele.registry.read;

import dev.stele.registry.log.ContractCodec;
import dev.stele.registry.model.Metadata;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.state.ContextIndex;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.SchemaReference;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds the version of a subject that already holds a schema (../shared/API.md §2.3), for
 * {@code POST /subjects/{s}} and for registration. First by content (see {@link #content}): the
 * id the context gives this exact content, if a version of the subject has it. Then, when the
 * submitted metadata says nothing about {@code confluent:version}, the newest version that
 * differs only by that property: a client re-sending the schema it registered with an explicit
 * version does not know the property the registry added, and must still find its schema.
 */
public final class SchemaLookup {
  private SchemaLookup() {}

  /**
   * @param includeDeleted soft-deleted versions count too
   * @return the matching version, newest first, or null
   */
  public static VersionEntry find(SubjectHistory history, ContextIndex index, SchemaContent content,
      boolean includeDeleted) {
    if (history == null) {
      return null;
    }
    List<VersionEntry> all = history.all();
    Integer id = index.idOf(content);
    for (int i = all.size() - 1; id != null && i >= 0; i--) {
      VersionEntry entry = all.get(i);
      if (entry.schema().id() == id && (includeDeleted || !entry.deleted())) {
        return entry;
      }
    }
    Metadata submitted = ContractCodec.metadata(content.metadata());
    if (submitted != null && submitted.property(Metadata.CONFLUENT_VERSION) != null) {
      return null;
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      VersionEntry entry = all.get(i);
      if ((includeDeleted || !entry.deleted()) && sameButVersionProperty(content, submitted, entry.schema())) {
        return entry;
      }
    }
    return null;
  }

  /**
   * What identifies the submission within a context: canonical text, pinned references, contract.
   *
   * @param subject the subject it is submitted under, whose context its references are read in
   */
  public static SchemaContent content(ParsedSchema parsed, SchemaPayload payload, String subject,
      RegistryState state, boolean normalize) {
    List<SchemaReference> refs = SchemaParser.pinned(payload.references(), subject, state);
    if (normalize) {
      refs = refs.stream().distinct().sorted(Comparator.comparing(SchemaReference::name)
          .thenComparing(SchemaReference::subject).thenComparingInt(SchemaReference::version)).toList();
    }
    return new SchemaContent(parsed.type(), parsed.canonical(), refs,
        ContractCodec.canonicalMetadata(payload.metadata()), ContractCodec.canonicalRuleSet(payload.ruleSet()));
  }

  private static boolean sameButVersionProperty(SchemaContent content, Metadata submitted,
      StoredSchema stored) {
    // Cheap test first: only versions that carry the property can differ by it alone.
    if (stored.metadata() == null || !stored.metadata().text().contains(Metadata.CONFLUENT_VERSION)) {
      return false;
    }
    if (!stored.text().equals(content.text()) || !stored.schemaType().equals(content.schemaType())
        || !stored.references().equals(content.references())
        || !Objects.equals(stored.ruleSet(), content.ruleSet())) {
      return false;
    }
    Metadata rest = ContractCodec.metadata(stored.metadata()).withoutProperty(Metadata.CONFLUENT_VERSION);
    return Objects.equals(orNull(rest), orNull(submitted));
  }

  /** Metadata left empty by removing the property counts as none. */
  private static Metadata orNull(Metadata metadata) {
    return metadata == null || metadata.isEmpty() ? null : metadata;
  }
}
