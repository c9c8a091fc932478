package dev.stele.format.jsonschema;

/**
 * Why a text is not a usable schema, in our words. The Confluent registry reports every such
 * problem as plain {@code Invalid JSON Schema}; that stays the exception's message (clients and
 * the conformance corpus compare it) and this reason travels as its cause, for logs and for a
 * caller that wants to say more.
 */
final class SchemaProblem extends Exception {
  private static final long serialVersionUID = 1L;

  SchemaProblem(String reason) {
    super(reason, null, false, false);
  }
}
