package dev.stele.schema;

import java.util.List;
import java.util.Objects;

/**
 * What a format parses: the submitted text and its resolved references.
 *
 * @param validate false for lookups, which only need the canonical text to find an existing
 *     schema: the Confluent registry skips the stricter checks (such as default values) there
 */
public record SchemaSource(String text, List<ResolvedReference> references, boolean validate) {
  public SchemaSource {
    Objects.requireNonNull(text, "text");
    references = List.copyOf(references);
  }

  public static SchemaSource of(String text) {
    return new SchemaSource(text, List.of(), true);
  }
}
