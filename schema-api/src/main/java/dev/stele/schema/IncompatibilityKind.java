package dev.stele.schema;

/**
 * A kind of incompatibility, typed per format (each format has an enum of its kinds; the kinds
 * every format can report are {@link CommonKind}).
 *
 * <p>The message is not stored with a finding but made from the kind's template when asked for
 * ({@link Incompatibility#message()}), so that strings are made only where they are shown. A
 * template is the whole message, in the Confluent registry's words for the format, with these
 * placeholders:
 * <ul>
 *   <li>{@code {pointer}}: the location as the JSON pointer itself ({@code /fields/0/type}), as
 *       Avro's messages show it;
 *   <li>{@code {hashPath}}: the location as the JSON Schema and Protobuf messages show it,
 *       {@code #} and the pointer's segments unescaped ({@code #/properties/a},
 *       {@code #/Message/3}; see {@link JsonPointer#hashPath});
 *   <li>{@code {reader}}, {@code {writer}}: "new" or "old", whichever the reading and the writing
 *       schema is in this check ({@link SchemaFormat.Roles});
 *   <li>{@code {info}}: the finding's detail (Avro's own message, an exception's message).
 * </ul>
 * Any other brace is text, so templates may hold the braces of Confluent's {@code {errorType:...}}.
 */
public interface IncompatibilityKind {

  /** The kind's own name: an enum constant's, as each format's kinds are enums. */
  String name();

  /**
   * The name the Confluent registry gives the kind (its {@code errorType}), e.g.
   * {@code TYPE_MISMATCH}: the kind's own name, as every format names its kinds as Confluent does.
   */
  default String confluentName() {
    return name();
  }

  /** The message, with the placeholders above. */
  String template();
}
