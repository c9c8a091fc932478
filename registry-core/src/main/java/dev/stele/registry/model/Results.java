package dev.stele.registry.model;

import dev.stele.schema.CompatibilityLevel;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.SchemaField;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Result values of the services that are more than a single stored value. */
public final class Results {
  private Results() {}

  /**
   * What a registration returns: the id and the version it landed as.
   *
   * @param detailed the Confluent registry answers with the whole version, not only the id, when
   *     the registration filled something in ({@code Population}: metadata or rules, an empty
   *     schema, {@code confluent:version}) or found an existing version only after that, and
   *     when IMPORT names a version that is already there; a submission found as sent, and a
   *     plain new version, answer with the id alone
   */
  /**
   * One entry of {@code GET /schemas}: a version and, when the listing filters by association,
   * the subject's associations that matched (else none).
   */
  public record ListedSchema(SchemaVersion version, List<Association> associations) {
    public ListedSchema {
      associations = List.copyOf(associations);
    }

    public String subject() {
      return version.subject();
    }
  }

  public record Registered(int id, int version, SchemaVersion schemaVersion, boolean detailed) {}

  /**
   * A schema read by id, rendered in the requested format.
   *
   * @param formatted the text in the requested format, or null for the stored canonical text
   *     (so that a cache of rendered answers can tell a hit from the schema instance and this,
   *     without inflating the text)
   * @param usage the subject version whose {@code ts} and {@code deleted} the answer carries, as
   *     Confluent 8.5's {@code SchemaString} does, or null when none is known
   * @param named whether the answer names {@code usage}'s subject and version (8.5 does when the
   *     request had a {@code subject} parameter)
   * @param maxId the highest id in use, or null unless asked for
   * @param tags the tagged entities {@code findTags} asked for, in schema order (none unless asked)
   */
  public record SchemaText(StoredSchema schema, String formatted, SchemaVersion usage, boolean named,
      Integer maxId, Map<SchemaEntity, Set<String>> tags) {
    public SchemaText {
      tags = tags == null ? Map.of() : tags;
    }

    public SchemaText(StoredSchema schema, String formatted, SchemaVersion usage, Integer maxId) {
      this(schema, formatted, usage, false, maxId, Map.of());
    }

    /** The text to answer with; the canonical one is inflated on each call. */
    public String text() {
      return formatted != null ? formatted : schema.schema();
    }
  }

  /** One of a GUID's ids: the context it is in ({@code "."} for the default) and the id. */
  public record ContextId(String context, int id) {}

  /**
   * A subject version rendered in the requested format ({@code text} is the canonical schema
   * unless a format was asked for), with the tagged entities {@code findTags} asked for.
   */
  public record VersionText(SchemaVersion version, String text, Map<SchemaEntity, Set<String>> tags) {
    public VersionText {
      tags = tags == null ? Map.of() : tags;
    }

    public VersionText(SchemaVersion version, String text) {
      this(version, text, Map.of());
    }
  }

  /**
   * The incompatibilities found against one existing version, in the Confluent registry's order
   * (for a mutual check, the old schema's reading of the new one first).
   *
   * @param quotesOld whether the messages end with the old version and schema: the Confluent
   *     registry quotes them after a one-way check, and after a mutual one only when the new
   *     schema cannot read the old one
   */
  public record VersionConflict(int oldVersion, String oldSchema, List<Incompatibility> incompatibilities,
      boolean quotesOld) {
    public VersionConflict(int oldVersion, String oldSchema, List<Incompatibility> incompatibilities) {
      this(oldVersion, oldSchema, incompatibilities, true);
    }
  }

  /**
   * The outcome of a compatibility check.
   *
   * @param conflicts one entry per version that failed, in check order
   * @param problems what is wrong that is not about one version: the new schema does not parse
   *     (in verbose mode) or has another schema type
   * @param level the level the check applied
   * @param validateFields the config's validateFields flag, echoed in messages
   */
  public record Compatibility(
      List<VersionConflict> conflicts, List<Problem> problems, CompatibilityLevel level,
      boolean validateFields) {
    public boolean isCompatible() {
      return conflicts.isEmpty() && problems.isEmpty();
    }
  }

  /** A reason a check failed that is not an incompatibility with one version. */
  public sealed interface Problem {
    /** The new schema's type is not the type of a version it is checked against. */
    record DifferentSchemaType() implements Problem {}

    /** The new schema does not parse (reported, not thrown, in verbose mode). */
    record Unparsable(RegistryException error) implements Problem {}

    /** A {@code confluent:reserved} field dropped or used (with {@code validateFields}), worded. */
    record ReservedField(String message) implements Problem {}
  }

  /** A subject's latest live version and its fields that a field search matched, in schema order. */
  public record FieldMatch(String subject, int version, int id, String schemaType,
      List<SchemaField> fields) {
    public FieldMatch {
      fields = List.copyOf(fields);
    }
  }
}
