package dev.stele.registry.parse;

import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Excerpt;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaLimits;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaRejectedException;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.model.Submission;
import dev.stele.registry.model.Versions;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.CheckDigest;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ParsedSchema;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaFormat;
import dev.stele.schema.SchemaFormats;
import dev.stele.schema.SchemaReference;
import dev.stele.schema.SchemaSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns submitted and stored schema text into {@link ParsedSchema}s: picks the format, resolves
 * references against a state (a reference's subject without a context lives in the referrer's
 * context, {@link QualifiedSubject#qualifyWithParent}), and reports failures as 42201 with what the edge needs to word
 * them as the Confluent registry does ({@link SchemaRejectedException}).
 * Parsed stored schemas are cached, so compatibility checks against a long history do not parse
 * it again each time.
 */
public final class SchemaParser {
  private final SchemaFormats formats;
  private final ParsedCache parsed;
  private final DigestCache digests;
  private final ShapeCheck shapes;

  public SchemaParser(SchemaFormats formats) {
    this(formats, ParsedCache.forHeap());
  }

  public SchemaParser(SchemaFormats formats, ParsedCache parsed) {
    this(formats, parsed, SchemaLimits.DEFAULTS);
  }

  public SchemaParser(SchemaFormats formats, ParsedCache parsed, SchemaLimits limits) {
    this(formats, parsed, DigestCache.forHeap(), limits);
  }

  public SchemaParser(SchemaFormats formats, ParsedCache parsed, DigestCache digests, SchemaLimits limits) {
    this.formats = formats;
    this.parsed = parsed;
    this.digests = digests;
    this.shapes = new ShapeCheck(limits);
  }
  /**
   * Drops the parsed schemas and digests kept for checks, which are rebuilt on demand: the heap
   * guard calls this before it would refuse work, since cached entries count as live after a
   * collection (the parsed ones are only softly held, which the JVM honours just before running out).
   */
  public void shedCaches() {
    parsed.clear();
    digests.clear();
  }


  public SchemaFormats formats() {
    return formats;
  }

  /** The format of a request's schema type (null means AVRO); 42201 when none is loaded. */
  public SchemaFormat format(String schemaType) {
    String type = schemaType == null ? "AVRO" : schemaType;
    String quoted = "Invalid schema type " + Excerpt.of(type);
    // Type names are upper case on the wire; "avro" is refused as the Confluent registry does.
    if (!type.equals(type.toUpperCase(java.util.Locale.ROOT))) {
      throw ErrorCode.INVALID_SCHEMA.exception(quoted);
    }
    return formats.find(type).orElseThrow(() -> ErrorCode.INVALID_SCHEMA.exception(quoted));
  }

  /**
   * Parses a client's schema.
   *
   * @param validate false for lookups (lenient, like the Confluent registry's)
   */
  public ParsedSchema parse(Submission submitted, RegistryState state, boolean validate, boolean normalize) {
    SchemaPayload payload = submitted.payload();
    if (payload.schema() == null || payload.schema().isBlank()) {
      throw ErrorCode.INVALID_SCHEMA.exception("Empty schema");
    }
    SchemaFormat format = format(payload.schemaType());
    shapes.check(format.type(), payload.schema());
    List<ResolvedReference> refs;
    try {
      refs = resolve(payload.references(), state, 0, contextOf(submitted.subject()));
    } catch (InvalidSchemaException e) {
      throw invalid(submitted, format.type(), e.getMessage());
    }
    ParsedSchema schema;
    try {
      schema = format.parse(new SchemaSource(payload.schema(), refs, validate));
    } catch (InvalidSchemaException e) {
      if (e.isAfterParsing()) {
        // The Confluent registry leaves out "with refs ... of type ..." for a schema that
        // parsed but failed a later check.
        throw new SchemaRejectedException(submitted, format.type(), e.getMessage(), false);
      }
      throw invalid(submitted, format.type(), e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // A format must not throw anything else; if one does, the input is still the client's.
      throw invalid(submitted, format.type(), String.valueOf(e.getMessage()));
    }
    return normalize ? normalize(schema, submitted) : schema;
  }

  /**
   * The normalized form. The Confluent registry words a failure two ways: when the normalized
   * text no longer parses (the cause is an {@link InvalidSchemaException}) as a parse failure;
   * when the schema cannot be normalized at all, without the {@code with refs ... of type ...}
   * part. Formats signal which by the cause they give.
   */
  private static ParsedSchema normalize(ParsedSchema schema, Submission submitted) {
    try {
      return schema.normalize();
    } catch (RuntimeException | StackOverflowError e) {
      if (e.getCause() instanceof InvalidSchemaException cause) {
        throw invalid(submitted, schema.type(), cause.getMessage());
      }
      throw new SchemaRejectedException(submitted, schema.type(), String.valueOf(e.getMessage()), false);
    }
  }

  /**
   * A stored schema, parsed once and cached. Its digest ({@link #knownDigest}) is kept too, so
   * a later check may not need to parse it again even once the parsed schema has left the cache.
   */
  public ParsedSchema parseStored(StoredSchema stored, RegistryState state) {
    ParsedSchema cached = parsed.get(stored);
    if (cached != null) {
      SchemaFormat format = storedFormat(stored);
      if (format.digests() && digests.get(stored) == null) {
        digests.put(stored, format.digest(cached));
      }
      return cached;
    }
    ParsedSchema schema = parseFresh(stored, state);
    parsed.put(stored, schema);
    return schema;
  }

  /** Keeps the digest of a schema about to be stored, from its parse as submitted. */
  public void rememberDigest(StoredSchema stored, ParsedSchema parsed) {
    digests.put(stored, storedFormat(stored).digest(parsed));
  }

  /** The digest of a stored schema if one is known, else null; never parses. */
  public CheckDigest knownDigest(StoredSchema stored) {
    return digests.get(stored);
  }

  private ParsedSchema parseFresh(StoredSchema stored, RegistryState state) {
    SchemaFormat format = storedFormat(stored);
    try {
      String context = stored.references().isEmpty()
          ? QualifiedSubject.DEFAULT_CONTEXT : state.contextHolding(stored);
      List<ResolvedReference> refs = resolve(stored.references(), state, 0, context);
      // Stored schemas were validated when registered; parse leniently so old records still load.
      ParsedSchema schema = format.parse(new SchemaSource(stored.schema(), refs, false));
      digests.put(stored, format.digest(schema));
      return schema;
    } catch (InvalidSchemaException e) {
      throw ErrorCode.INTERNAL.exception(
          "Stored schema " + stored.id() + " no longer parses: " + e.getMessage());
    }
  }

  private SchemaFormat storedFormat(StoredSchema stored) {
    return formats.find(stored.schemaType()).orElseThrow(
        () -> ErrorCode.INTERNAL.exception("No format for stored schema type " + stored.schemaType()));
  }

  /**
   * Prepares a stored schema ahead of use (the node's {@code HistoryWarmer}): parsed into the
   * cache while it has {@link #hasRoomToWarm room}, else only its digest kept (the parsed
   * schema is dropped), while the digests have room.
   *
   * @return false when there was nothing to do (already known, or no room for either)
   */
  public boolean warm(StoredSchema stored, RegistryState state) {
    if (parsed.get(stored) != null) {
      return false;
    }
    if (hasRoomToWarm()) {
      parseStored(stored, state);
      return true;
    }
    // Past the parsed cache's room only a digest is kept: a format without digests has nothing
    // to keep, and parsing its schema here would be thrown away.
    if (!storedFormat(stored).digests() || digests.get(stored) != null
        || !digests.hasRoomToWarm()) {
      return false;
    }
    parseFresh(stored, state);
    return true;
  }

  /** Whether the parsed cache is under half its budget: warming parsed schemas stops there. */
  public boolean hasRoomToWarm() {
    return parsed.weight() < parsed.budget() / 2;
  }

  /** Whether anything is left to warm: room for parsed schemas or for digests. */
  public boolean canWarm() {
    return hasRoomToWarm() || digests.hasRoomToWarm();
  }

  /**
   * References with version -1 replaced by the latest version they resolved to, read from a
   * schema of {@code subject}; the subjects stay as written.
   */
  public static List<SchemaReference> pinned(List<SchemaReference> refs, String subject,
      RegistryState state) {
    List<SchemaReference> pinned = new ArrayList<>(refs.size());
    String context = contextOf(subject);
    for (SchemaReference ref : refs) {
      if (ref.version() == Versions.LATEST && ref.subject() != null) {
        SubjectHistory history = state.history(QualifiedSubject.qualifyWithParent(ref.subject(), context));
        VersionEntry latest = history == null ? null : history.latestLive();
        pinned.add(latest == null ? ref : new SchemaReference(ref.name(), ref.subject(), latest.version()));
      } else {
        pinned.add(ref);
      }
    }
    return pinned;
  }

  private static String contextOf(String subject) {
    return subject == null ? QualifiedSubject.DEFAULT_CONTEXT : QualifiedSubject.contextOf(subject);
  }

  /** @param context the referrer's context, where a reference's subject without one lives */
  private List<ResolvedReference> resolve(List<SchemaReference> refs, RegistryState state, int depth,
      String context) throws InvalidSchemaException {
    int deepest = shapes.limits().referenceDepth();
    if (depth > deepest) {
      throw new InvalidSchemaException("References nest deeper than " + deepest
          + " levels (is there a cycle?); the setting stele.schema.max.reference.depth raises it");
    }
    List<ResolvedReference> resolved = new ArrayList<>(refs.size());
    for (SchemaReference ref : refs) {
      if (ref.name() == null || ref.subject() == null) {
        throw new InvalidSchemaException("Invalid reference: " + ref);
      }
      if (ref.version() <= 0 && ref.version() != Versions.LATEST) {
        // The Confluent registry's words here were its exception's toString (issue #17).
        throw new InvalidSchemaException("Invalid reference: " + ref + ": the version must be"
            + " between 1 and 2147483647, or -1 for the latest");
      }
      String subject = QualifiedSubject.qualifyWithParent(ref.subject(), context);
      VersionEntry entry = find(subject, ref.version(), state);
      if (entry == null) {
        throw new InvalidSchemaException("No schema reference found for subject \"" + subject
            + "\" and version " + ref.version());
      }
      StoredSchema target = entry.schema();
      // The referenced schema's own references are read in its context.
      resolved.add(new ResolvedReference(
          new SchemaReference(ref.name(), ref.subject(), entry.version()), target.schemaType(),
          target.schema(), resolve(target.references(), state, depth + 1, contextOf(subject))));
    }
    return resolved;
  }

  private static VersionEntry find(String subject, int version, RegistryState state) {
    SubjectHistory history = state.history(subject);
    if (history == null) {
      return null;
    }
    // A soft-deleted version can still be referenced by version number, as in Confluent.
    return version == Versions.LATEST ? history.latestLive() : history.get(version);
  }

  private static RegistryException invalid(Submission submitted, String type, String details) {
    return new SchemaRejectedException(submitted, type, details, true);
  }
}
