package dev.stele.format.protobuf;

import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ResolvedReference;
import dev.stele.schema.SchemaReference;
import dev.stele.schema.SchemaSource;
import java.util.List;

/** Parsing shortcuts shared by this module's tests. */
public final class ProtoFixtures {
  public static final ProtobufFormat FORMAT = new ProtobufFormat();

  private ProtoFixtures() {}

  /** A validated parse (a registration). */
  public static ProtobufSchema parse(String text, ResolvedReference... refs)
      throws InvalidSchemaException {
    return FORMAT.parse(new SchemaSource(text, List.of(refs), true));
  }

  /** A reference named {@code name} to version 1 of {@code subject}, holding {@code text}. */
  public static ResolvedReference ref(String name, String subject, String text,
      ResolvedReference... nested) {
    return new ResolvedReference(new SchemaReference(name, subject, 1), "PROTOBUF", text,
        List.of(nested));
  }

  /** {@code lines} joined with newlines, and a final newline. */
  public static String proto(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
