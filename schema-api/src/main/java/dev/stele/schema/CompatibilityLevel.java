package dev.stele.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * A subject's compatibility rule, composed of a direction and a history (DESIGN.md: policies
 * from tiny strategies).
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** The new schema must read data written with earlier ones. */
  public boolean newReadsOld() {
    return newReadsOld;
  }

  /** Earlier schemas must read data written with the new one. */
  public boolean oldReadsNew() {
    return oldReadsNew;
  }

  /** Checked against every live version, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /**
   * One pair under this level's direction: the old schema's reading of the new one first, then
   * the new one's reading of the old, as the Confluent registry lists them. NONE checks nothing.
   */
  public CompatibilityResult compare(SchemaFormat format, ParsedSchema candidate, ParsedSchema old) {
    return compare(format, candidate, old, CompatibilityPolicy.STRICT);
  }

  /** {@link #compare(SchemaFormat, ParsedSchema, ParsedSchema)} under a subject's policy. */
  public CompatibilityResult compare(SchemaFormat format, ParsedSchema candidate, ParsedSchema old,
      CompatibilityPolicy policy) {
    CompatibilityResult oldReadsNewResult = oldReadsNew
        ? format.checkCanRead(old, candidate, SchemaFormat.Roles.OLD_READS_NEW, policy)
        : CompatibilityResult.COMPATIBLE;
    CompatibilityResult newReadsOldResult = newReadsOld
        ? format.checkCanRead(candidate, old, SchemaFormat.Roles.NEW_READS_OLD, policy)
        : CompatibilityResult.COMPATIBLE;
    return oldReadsNewResult.merge(newReadsOldResult);
  }

  /**
   * Whether the pair surely passes this level, judged from digests alone ({@link
   * SchemaFormat#provenReadable}) in the directions {@link #compare} checks; false means "ask
   * {@link #compare}". A null digest proves nothing.
   */
  public boolean proven(SchemaFormat format, CheckDigest candidate, CheckDigest old) {
    if (candidate == null || old == null) {
      return false;
    }
    return (!oldReadsNew || format.provenReadable(old, candidate))
        && (!newReadsOld || format.provenReadable(candidate, old));
  }

  /** Case-insensitive, as the Confluent registry accepts {@code "backward"} or {@code "Full"}. */
  public static Optional<CompatibilityLevel> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
