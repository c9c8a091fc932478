package dev.stele.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every format does alike around its own parser and checker: its type name, the refusal of
 * references to another format's schemas, and the answer to a check of a schema of another
 * format (Confluent's "different schema types"). A format extends it and compares only two
 * schemas of its own in {@link #check}; the {@link SchemaFormat} interface stays the contract,
 * so a format may also implement it directly.
 *
 * @param <S> the format's parsed schema
 */
public abstract class AbstractSchemaFormat<S extends ParsedSchema> implements SchemaFormat {
  private final String type;
  private final Class<S> schemaClass;

  /**
   * @param type the registry's name for the format, e.g. {@code AVRO}
   * @param schemaClass what {@link #parse} returns; a check of anything else is a type mismatch
   */
  protected AbstractSchemaFormat(String type, Class<S> schemaClass) {
    this.type = Objects.requireNonNull(type, "type");
    this.schemaClass = Objects.requireNonNull(schemaClass, "schemaClass");
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public abstract S parse(SchemaSource source) throws InvalidSchemaException;

  @Override
  public final CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles) {
    return checkCanRead(reader, writer, roles, CompatibilityPolicy.STRICT);
  }

  @Override
  public final CompatibilityResult checkCanRead(ParsedSchema reader, ParsedSchema writer, Roles roles,
      CompatibilityPolicy policy) {
    if (schemaClass.isInstance(reader) && schemaClass.isInstance(writer)) {
      return check(schemaClass.cast(reader), schemaClass.cast(writer), roles, policy);
    }
    return CompatibilityResult.differentSchemaTypes(roles);
  }

  /** {@link #checkCanRead} for two schemas of this format, under STRICT. */
  protected abstract CompatibilityResult check(S reader, S writer, Roles roles);

  /**
   * {@link #check(ParsedSchema, ParsedSchema, Roles)} under a policy; a format whose verdicts
   * depend on it overrides this, the others check every policy as STRICT.
   */
  protected CompatibilityResult check(S reader, S writer, Roles roles, CompatibilityPolicy policy) {
    return check(reader, writer, roles);
  }

  /**
   * Why this format cannot use {@code references}, if it cannot: the first target in the graph
   * declared as another format ({@link ResolvedReference#firstOfOtherType}), as
   * {@code "<name> is a <TYPE> schema, not <this type>"}. A format refuses it with that reason
   * rather than misreading the text.
   */
  protected final Optional<String> otherFormatReference(List<ResolvedReference> references) {
    return ResolvedReference.firstOfOtherType(references, type)
        .map(ref -> ref.reference().name() + " is a " + ref.schemaType() + " schema, not " + type);
  }
}
