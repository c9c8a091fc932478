package dev.stele.format.jsonschema;

/**
 * The four change kinds of one keyword: added, removed, and a change each way. Found by the
 * Confluent naming ({@code MAX_LENGTH} has {@code MAX_LENGTH_ADDED}, {@code MAX_LENGTH_REMOVED},
 * ...) once, when the keyword's constant is made, so a misspelt name fails every test that
 * compares a schema.
 */
record KindFamily(ChangeKind added, ChangeKind removed, ChangeKind grown, ChangeKind shrunk) {
  static KindFamily of(String prefix, String grown, String shrunk) {
    return new KindFamily(ChangeKind.valueOf(prefix + "_ADDED"),
        ChangeKind.valueOf(prefix + "_REMOVED"), ChangeKind.valueOf(prefix + "_" + grown),
        ChangeKind.valueOf(prefix + "_" + shrunk));
  }
}
