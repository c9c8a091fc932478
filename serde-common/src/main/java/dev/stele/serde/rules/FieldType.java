package dev.stele.serde.rules;

/**
 * A field's type as field rules see it, the same names in every format (Confluent's
 * {@code RuleContext.Type}); CEL_FIELD rules read it as {@code typeName}. Field transforms apply
 * to primitive ones only.
 */
public enum FieldType {
  RECORD(false), ENUM(false), ARRAY(false), MAP(false), COMBINED(false), NULLABLE(false), FIXED(false),
  STRING(true), BYTES(true), INT(true), LONG(true), FLOAT(true), DOUBLE(true), BOOLEAN(true), NULL(true);

  private final boolean primitive;

  FieldType(boolean primitive) {
    this.primitive = primitive;
  }

  public boolean isPrimitive() {
    return primitive;
  }
}
