package dev.stele.schema;

/** The kinds any format may report: they say why a check could not compare, not what differs. */
public enum CommonKind implements IncompatibilityKind {
  /** The two schemas are of different formats. */
  SCHEMA_TYPE_MISMATCH("Incompatible because of different schema type"),
  /** The checker failed; the detail is the exception's message. */
  UNEXPECTED_EXCEPTION("Unexpected exception during compatibility check: {info}"),
  /** The comparison had to stop (too complex, too deep, interrupted); the detail says which. */
  COMPATIBILITY_CHECK_ABORTED("Compatibility check aborted: {info}");

  private final String template;

  CommonKind(String template) {
    this.template = template;
  }

  @Override
  public String template() {
    return template;
  }
}
