package dev.stele.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.stele.http.RequestTypes.ConfigUpdateRequest;
import dev.stele.http.RequestTypes.ModeUpdateRequest;
import dev.stele.http.RequestTypes.RegisterSchemaRequest;
import dev.stele.http.RequestTypes.SchemaReference;
import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.CompatibilityLevel;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns request bodies into service arguments with the Confluent registry's answers for bad
 * ones: malformed JSON or a wrong type is 400 with Jackson's own words; a missing body where one
 * is required is 422 with the bean-validation text naming the resource method (so each caller
 * passes that name, e.g. {@code register.arg5}).
 */
final class RequestBodies {
  private static final ObjectReader SCHEMA_REQUEST = Json.MAPPER.readerFor(RegisterSchemaRequest.class);
  private static final ObjectReader CONFIG_REQUEST = Json.MAPPER.readerFor(ConfigUpdateRequest.class);
  private static final ObjectReader MODE_REQUEST = Json.MAPPER.readerFor(ModeUpdateRequest.class);
  private static final ObjectReader STRING_MAP =
      Json.MAPPER.readerFor(new TypeReference<Map<String, String>>() {});

  /** A package or outer-class prefix of a type name quoted in backticks or as a type argument. */
  private static final Pattern QUALIFIER = Pattern.compile("(?<=[`<])(?:[a-z][a-z0-9_]*\\.)+(?:[A-Za-z0-9_]+\\$)*");

  /**
   * The Confluent registry's details for a {@code null} in the references list: the text of the
   * NullPointerException it runs into. Quoted because clients and the conformance corpus see it.
   */
  private static final String NULL_REFERENCE = "Cannot invoke \"io.confluent.kafka.schemaregistry.client"
      + ".rest.entities.SchemaReference.getName()\" because \"reference\" is null";

  private RequestBodies() {}

  static RegisterSchemaRequest schemaRequest(Buffer body, String parameter) {
    return required(read(SCHEMA_REQUEST, body), parameter);
  }

  static ConfigUpdateRequest configUpdate(Buffer body, String parameter) {
    return required(read(CONFIG_REQUEST, body), parameter);
  }

  static ModeUpdateRequest modeUpdate(Buffer body, String parameter) {
    return required(read(MODE_REQUEST, body), parameter);
  }

  /** {@code POST /}: any string map or nothing; only its shape is checked. */
  static void rootBody(Buffer body) {
    read(STRING_MAP, body);
  }

  /**
   * The schema a client submitted. A reference with a missing field cannot be represented past
   * this point, so it is reported here, in the registry's 42201 wording.
   */
  static SchemaPayload payload(String subject, RegisterSchemaRequest request) {
    List<dev.stele.schema.SchemaReference> references = new ArrayList<>();
    if (request.references() != null) {
      for (SchemaReference ref : request.references()) {
        if (ref == null || ref.name() == null || ref.subject() == null || ref.version() == null) {
          throw invalidReference(subject, request, ref);
        }
        references.add(new dev.stele.schema.SchemaReference(ref.name(), ref.subject(), ref.version()));
      }
    }
    return new SchemaPayload(request.schema(), request.schemaType(), references,
        raw(request.metadata()), raw(request.ruleSet()));
  }

  /** The update as a {@link Config}; 42203 for a level name that is not one. */
  static Config config(ConfigUpdateRequest request) {
    CompatibilityLevel level = null;
    if (request.compatibility() != null) {
      level = CompatibilityLevel.parse(request.compatibility())
          .orElseThrow(EdgeError.INVALID_COMPATIBILITY_LEVEL::exception);
    }
    return new Config(request.alias(), request.normalize(), request.validateFields(), level,
        request.compatibilityGroup(), raw(request.defaultMetadata()), raw(request.overrideMetadata()),
        raw(request.defaultRuleSet()), raw(request.overrideRuleSet()));
  }

  /** Canonical JSON text of a metadata or rule set value (the records sort themselves). */
  static RawJson raw(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return new RawJson(Json.MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * The body bound to a type; null for an empty or blank body and for the JSON {@code null}
   * (JAX-RS hands the resource null in all three cases).
   */
  static <T> T read(ObjectReader reader, Buffer body) {
    if (body == null || isBlank(body)) {
      return null;
    }
    try {
      return reader.readValue(body.getBytes());
    } catch (JsonProcessingException e) {
      throw EdgeError.BAD_REQUEST.exception(simpleTypeNames(e.getOriginalMessage()));
    } catch (IOException e) {
      // Bad UTF-8 can surface as a CharConversionException, which is no JsonProcessingException.
      throw EdgeError.BAD_REQUEST.exception(String.valueOf(e.getMessage()));
    }
  }

  /**
   * Jackson names types with their packages ({@code `java.util.ArrayList<dev.stele...Ref>`});
   * clients are better served, and our internals less exposed, by simple names, which is also
   * what the Confluent registry's messages show.
   */
  static String simpleTypeNames(String message) {
    return message == null ? "" : QUALIFIER.matcher(message).replaceAll("");
  }

  private static <T> T required(T value, String parameter) {
    if (value == null) {
      throw EdgeError.UNPROCESSABLE.exception(parameter + " must not be null (was null)");
    }
    return value;
  }

  private static boolean isBlank(Buffer body) {
    for (int i = 0; i < body.length(); i++) {
      byte b = body.getByte(i);
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** A reference the Confluent registry cannot use, in its words (see {@link Describe}). */
  private static RegistryException invalidReference(
      String subject, RegisterSchemaRequest request, SchemaReference bad) {
    String type = request.schemaType() == null ? "AVRO" : request.schemaType();
    Describe.Request quoted = new Describe.Request(subject, request.version(), request.id(), type,
        request.references(), raw(request.metadata()), raw(request.ruleSet()), request.schema());
    return ErrorCode.INVALID_SCHEMA.exception(Describe.invalidSchema(quoted,
        bad == null ? NULL_REFERENCE : "Invalid reference: " + bad, true));
  }
}
