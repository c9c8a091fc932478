/**
 * JSON Schema as a registry format, matching the Confluent registry's behaviour.
 *
 * <h2>How it is cut</h2>
 * <ul>
 *   <li>{@link dev.stele.format.jsonschema.JsonSchemaFormat} is the plugin (found by
 *       {@code ServiceLoader}); {@link dev.stele.format.jsonschema.JsonSchema} the parsed schema.
 *   <li>Parsing: Jackson reads the text with the Confluent registry's settings ({@code JsonText});
 *       {@code ModelLoader} (with {@code ShapeReader}, {@code ContainerReader} and
 *       {@code SchemaDocuments} for {@code $ref}s) turns it into typed {@code SchemaNode}s and
 *       refuses what the Confluent loader refuses; on registration {@code MetaSchemaCheck} also
 *       validates against the draft's meta-schema.
 *   <li>Compatibility: {@code SchemaDiff} and one small class per keyword family
 *       ({@code ObjectDiff}, {@code ArrayDiff}, {@code StringDiff}, {@code NumberDiff},
 *       {@code EnumDiff}, {@code CombinedDiff}, {@code NotDiff}) report {@code ChangeKind}s; a
 *       {@code CompatibleChanges} says which are compatible.
 * </ul>
 *
 * <h2>Why our own model rather than a validator's</h2>
 * The verdict of a compatibility check depends on how a schema is modelled (for example
 * {@code {"type":"integer","format":"int64"}} is an integer part and a string part, and
 * {@code type: [a, b]} is an {@code anyOf}), because that decides which change kinds are found.
 * The Confluent registry's diff runs over everit's model; no maintained library exposes that
 * model, and everit itself is unmaintained and stops at draft 7. So the model here reproduces
 * those shapes for every draft, and networknt's validator (maintained, drafts 4 to 2020-12) is
 * used for one job only: meta-schema validation, with its bundled meta-schemas and every network
 * load refused.
 *
 * <h2>Known differences from the Confluent registry</h2>
 * <ul>
 *   <li>Meta-schema validation on registration is stricter than Confluent's loader (which accepts,
 *       say, {@code "minLength": -1}); lookups and stored schemas get only the loader's checks, so
 *       anything Confluent stored still loads.
 *   <li>Text with trailing content after the JSON value is refused (Confluent ignores the rest).
 *   <li>The reserved-property kinds need subject metadata, which the format SPI does not pass;
 *       they are never reported.
 *   <li>A check that exceeds its budget or depth reports {@code COMPATIBILITY_CHECK_ABORTED}
 *       instead of running unbounded.
 * </ul>
 */
package dev.stele.format.jsonschema;
