package dev.stele.schema;

/**
 * A small summary of a parsed schema from which its format can prove some compatibility
 * verdicts without the parsed schema itself ({@link SchemaFormat#digest},
 * {@link SchemaFormat#provenReadable}).
 *
 * <p>Why: a transitive check compares a new schema with every version of a long history. A
 * parsed schema is many times its text, so a registry cannot keep every history parsed, and
 * parsing 1,000 versions again costs about half a second (docs/benchmarks.md §3). A digest is a
 * few bytes a field, so the registry keeps the digests of whole histories and parses an old
 * version only when its digest cannot prove the verdict. Implementations are immutable.
 */
public interface CheckDigest {
  /** Estimated heap bytes this digest holds, for the budget of whoever keeps it. */
  long weight();
}
