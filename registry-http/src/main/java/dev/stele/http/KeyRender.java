package dev.stele.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.registry.model.Keys.Dek;
import dev.stele.registry.model.Keys.Kek;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Map;

/**
 * The DEK registry's answers in Confluent's {@code Kek} and {@code Dek} shapes: fields in their
 * order, nulls left out, {@code deleted} only when true. A KEK's credentials never leave: only
 * its {@link Kek#redacted} properties are written.
 */
final class KeyRender {
  private KeyRender() {}

  static Buffer kek(Kek kek) {
    Kek shown = kek.redacted();
    return Json.render(out -> {
      out.writeStartObject();
      out.writeStringField("name", shown.name());
      out.writeStringField("kmsType", shown.kmsType());
      out.writeStringField("kmsKeyId", shown.kmsKeyId());
      out.writeObjectFieldStart("kmsProps");
      for (Map.Entry<String, String> e : shown.kmsProps().entrySet()) {
        out.writeStringField(e.getKey(), e.getValue());
      }
      out.writeEndObject();
      string(out, "doc", shown.doc());
      out.writeBooleanField("shared", shown.shared());
      out.writeNumberField("ts", shown.ts());
      deleted(out, shown.deleted());
      out.writeEndObject();
    });
  }

  static Buffer dek(Dek dek) {
    return Json.render(out -> {
      out.writeStartObject();
      out.writeStringField("kekName", dek.kekName());
      out.writeStringField("subject", dek.subject());
      out.writeNumberField("version", dek.version());
      out.writeStringField("algorithm", dek.algorithm().name());
      string(out, "encryptedKeyMaterial", dek.encryptedKeyMaterial());
      string(out, "keyMaterial", dek.keyMaterial());
      out.writeNumberField("ts", dek.ts());
      deleted(out, dek.deleted());
      out.writeEndObject();
    });
  }

  private static void string(JsonGenerator out, String field, String value) throws IOException {
    if (value != null) {
      out.writeStringField(field, value);
    }
  }

  private static void deleted(JsonGenerator out, boolean deleted) throws IOException {
    if (deleted) {
      out.writeBooleanField("deleted", true);
    }
  }
}
