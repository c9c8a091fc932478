package dev.stele.maven;

import dev.stele.schema.SchemaFormat;
import java.io.File;
import java.util.List;

/** One entry of {@code <subjects>}: the subject, its file read, its format and its references. */
record SubjectSchema(String subject, File file, SchemaFormat format, String text, List<Reference> references) {
  SubjectSchema {
    references = List.copyOf(references);
  }
}
