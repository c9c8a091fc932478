/**
 * Protobuf as a registry format, matching the Confluent registry's behaviour.
 *
 * <p>The flow: {@link dev.stele.format.protobuf.SchemaLoader} reads {@code .proto} text with
 * Square wire's parser (confined to {@code internal.wire}) or a base64 {@code FileDescriptorProto}
 * ({@link dev.stele.format.protobuf.DescriptorReader}) into our own immutable
 * {@link dev.stele.format.protobuf.model.Proto} model, and indexes every type the schema can name
 * ({@link dev.stele.format.protobuf.model.TypeIndex}). From the model come the canonical text
 * ({@link dev.stele.format.protobuf.ProtoPrinter}), the normalized form
 * ({@link dev.stele.format.protobuf.Normalizer}, which also validates: Confluent refuses a schema
 * whose type names do not resolve), the descriptor for {@code format=serialized}
 * ({@link dev.stele.format.protobuf.DescriptorWriter}) and the compatibility diff
 * ({@code compat}).
 *
 * <p>Why our own model rather than wire's elements: wire's parser types live in its
 * {@code internal} package and change between releases, and descriptors sent by clients must
 * reach the same model as text does. The model keeps what Confluent keeps and nothing else.
 *
 * <p>Known, deliberate differences from Confluent 7.9: a {@code bytes} field's default prints
 * quoted (Confluent prints it bare, which does not parse again); field numbers below 0 or above
 * 2^29-1 are refused on registration (Confluent stores them); text nested deeper than
 * {@value dev.stele.format.protobuf.SchemaLoader#MAX_NESTING} levels is refused (Confluent's
 * parser overflows its stack).
 */
package dev.stele.format.protobuf;
