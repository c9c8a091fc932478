package dev.stele.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.registry.model.Association;
import dev.stele.registry.model.Association.Lifecycle;
import dev.stele.registry.model.AssociationRequests.BatchResult;
import dev.stele.registry.model.AssociationRequests.InfoResult;
import dev.stele.registry.model.AssociationRequests.Response;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.List;

/**
 * Confluent 8.x's association answers: {@code Association}, {@code AssociationResponse} and
 * {@code AssociationBatchResponse}, each {@code NON_EMPTY} (an empty list is left out), and
 * {@code frozen} only when it differs from its lifecycle's default (STRONG is frozen), as
 * Confluent writes it.
 */
final class AssociationRender {
  private AssociationRender() {}

  static Buffer associations(List<Association> associations) {
    return Json.render(out -> {
      out.writeStartArray();
      for (Association a : associations) {
        writeAssociation(out, a);
      }
      out.writeEndArray();
    });
  }

  static Buffer response(Response response) {
    return Json.render(out -> writeResponse(out, response));
  }

  static Buffer batch(List<BatchResult> results) {
    return Json.render(out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("results");
      for (BatchResult result : results) {
        out.writeStartObject();
        if (result.error() != null) {
          out.writeObjectFieldStart("error");
          out.writeNumberField("error_code", result.error().code().code());
          out.writeStringField("message", result.error().getMessage());
          out.writeEndObject();
        } else {
          out.writeFieldName("result");
          writeResponse(out, result.result());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }

  static void writeAssociation(JsonGenerator out, Association a) throws IOException {
    out.writeStartObject();
    out.writeStringField("subject", a.subject());
    out.writeStringField("guid", a.guid());
    out.writeStringField("resourceName", a.resourceName());
    out.writeStringField("resourceNamespace", a.resourceNamespace());
    writeNonEmpty(out, "resourceId", a.resourceId());
    out.writeStringField("resourceType", a.resourceType());
    out.writeStringField("associationType", a.associationType());
    out.writeStringField("lifecycle", a.lifecycle().name());
    writeFrozen(out, a.lifecycle(), a.frozen());
    out.writeNumberField("createTs", a.createTs());
    out.writeNumberField("updateTs", a.updateTs());
    out.writeEndObject();
  }

  private static void writeResponse(JsonGenerator out, Response r) throws IOException {
    out.writeStartObject();
    writeNonEmpty(out, "resourceName", r.resourceName());
    writeNonEmpty(out, "resourceNamespace", r.resourceNamespace());
    writeNonEmpty(out, "resourceId", r.resourceId());
    writeNonEmpty(out, "resourceType", r.resourceType());
    if (!r.associations().isEmpty()) {
      out.writeArrayFieldStart("associations");
      for (InfoResult info : r.associations()) {
        out.writeStartObject();
        out.writeStringField("subject", info.subject());
        out.writeStringField("associationType", info.associationType());
        out.writeStringField("lifecycle", info.lifecycle().name());
        writeFrozen(out, info.lifecycle(), info.frozen());
        if (info.schema() != null) {
          out.writeFieldName("schema");
          Render.writeSchema(out, info.schema());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  private static void writeFrozen(JsonGenerator out, Lifecycle lifecycle, boolean frozen)
      throws IOException {
    if (frozen != (lifecycle == Lifecycle.STRONG)) {
      out.writeBooleanField("frozen", frozen);
    }
  }

  private static void writeNonEmpty(JsonGenerator out, String field, String value)
      throws IOException {
    if (value != null && !value.isEmpty()) {
      out.writeStringField(field, value);
    }
  }
}
