package dev.stele.schema;

/**
 * A schema format plugin (Avro, JSON Schema, Protobuf), found with {@link java.util.ServiceLoader}.
 *
 * <p>Three operations and a name, and an optional quick proof over digests ({@link CheckDigest}):
 * everything else a caller needs (lookups by type name, message
 * rendering) lives in final helpers outside the SPI, so a new format stays small. Implementations
 * must be thread-safe and stateless.
 */
public interface SchemaFormat {
  /**
   * The registry setting that bounds the work of one compatibility check (pairs of types or
   * nodes compared); a format whose check would pass it reports
   * {@link CommonKind#COMPATIBILITY_CHECK_ABORTED} naming this setting.
   */
  String MAX_COMPARISONS_SETTING = "stele.compatibility.check.max.comparisons";
  /**
   * Beyond any real pair of schemas (a union of 700 branches, the default branch limit, checked
   * against itself is about 246,000), and small enough that the memory one check holds while it
   * runs (Avro keeps about 300 bytes a pair: some 75 MB here) does not stall the whole server
   * in garbage collection: with a million, one check held 300 MB and the server's reads stopped
   * for up to half a second at a time (docs/benchmarks.md, section 9).
   */
  int DEFAULT_MAX_COMPARISONS = 250_000;

  /** The registry's name for the format: {@code AVRO}, {@code JSON} or {@code PROTOBUF}. */
  String type();

  /**
   * Parses and validates a schema with its references already resolved.
   *
   * @throws InvalidSchemaException with the parser's reason when the text is not a valid schema
   */
  ParsedSchema parse(SchemaSource source) throws InvalidSchemaException;

  /**
   * Decides whether data written with {@code writer} can be read with {@code reader}.
   * {@code roles} tells which of the two is the schema being registered, so that messages can say
   * "new schema" and "old schema" as the Confluent registry does.
   */
  CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles);

  /**
   * {@link #checkCanRead(ParsedSchema, ParsedSchema, Roles)} under a subject's
   * {@link CompatibilityPolicy}. A format whose verdicts do not depend on the policy (Avro,
   * Protobuf: LENIENT is STRICT for them, as in Confluent) keeps this default.
   */
  default CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles,
      CompatibilityPolicy policy) {
    return checkCanRead(reader, writer, roles);
  }

  /**
   * A digest of {@code schema} for {@link #provenReadable}, or null when this format proves
   * nothing from digests (the default): callers then always run {@link #checkCanRead}.
   */
  default CheckDigest digest(ParsedSchema schema) {
    return null;
  }

  /**
   * Whether {@link #digest} ever gives a digest: callers that keep digests ask once instead of
   * computing and looking up nothing for every schema of a format that proves nothing from them.
   */
  default boolean digests() {
    return false;
  }

  /**
   * True only when data written with the writer's schema surely reads with the reader's, judged
   * from their digests alone; false means "not proven" (not "incompatible"): ask
   * {@link #checkCanRead}, whose verdicts and messages stay the only ones reported. A proof must
   * hold under {@link CompatibilityPolicy#STRICT}, which every wider policy then accepts too.
   */
  default boolean provenReadable(CheckDigest reader, CheckDigest writer) {
    return false;
  }

  /** Which side of a check is the schema being registered. */
  enum Roles {
    /** Reader is the new schema, writer an existing one (a BACKWARD check). */
    NEW_READS_OLD,
    /** Reader is an existing schema, writer the new one (a FORWARD check). */
    OLD_READS_NEW;

    /** How the Confluent registry's messages name the reading schema: "new" or "old". */
    public String readerWord() {
      return this == NEW_READS_OLD ? "new" : "old";
    }

    /** How the messages name the writing schema: the other word. */
    public String writerWord() {
      return this == NEW_READS_OLD ? "old" : "new";
    }
  }
}
