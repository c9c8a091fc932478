package dev.stele.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.stele.http.RequestTypes.ConfigUpdateRequest;
import dev.stele.http.RequestTypes.ModeUpdateRequest;
import dev.stele.http.RequestTypes.RegisterSchemaRequest;
import dev.stele.http.RequestTypes.SchemaReference;
import dev.stele.http.RequestTypes.TagSchemaRequest;
import dev.stele.registry.model.CompatibilityPolicies;
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

/**
 * Turns request bodies into service arguments. A bad body is answered with the Confluent
 * registry's status and error code (400 for malformed JSON or a wrong type, 422 for a missing
 * body) but in our own words ({@link BodyErrors}): Confluent's texts were Jackson's and the
 * bean validator's, naming Java classes and resource-method parameters.
 */
final class RequestBodies {
  private static final ObjectReader SCHEMA_REQUEST = Json.MAPPER.readerFor(RegisterSchemaRequest.class);
  private static final ObjectReader TAG_REQUEST = Json.MAPPER.readerFor(TagSchemaRequest.class);
  private static final ObjectReader CONFIG_REQUEST = Json.MAPPER.readerFor(ConfigUpdateRequest.class);
  private static final ObjectReader MODE_REQUEST = Json.MAPPER.readerFor(ModeUpdateRequest.class);
  private static final ObjectReader STRING_MAP =
      Json.MAPPER.readerFor(new TypeReference<Map<String, String>>() {});

  private RequestBodies() {}

  static RegisterSchemaRequest schemaRequest(Buffer body) {
    return required(read(SCHEMA_REQUEST, body));
  }

  static TagSchemaRequest tagRequest(Buffer body) {
    return required(read(TAG_REQUEST, body));
  }

  static ConfigUpdateRequest configUpdate(Buffer body) {
    return required(read(CONFIG_REQUEST, body));
  }

  static ModeUpdateRequest modeUpdate(Buffer body) {
    return required(read(MODE_REQUEST, body));
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
      for (int i = 0; i < request.references().size(); i++) {
        SchemaReference ref = request.references().get(i);
        if (ref == null) {
          throw invalidReference(subject, request, "references[" + i + "] is null");
        }
        if (ref.name() == null || ref.subject() == null || ref.version() == null) {
          throw invalidReference(subject, request, String.valueOf(ref));
        }
        references.add(new dev.stele.schema.SchemaReference(ref.name(), ref.subject(), ref.version()));
      }
    }
    return new SchemaPayload(request.schema(), request.schemaType(), references,
        raw(request.metadata()), raw(request.ruleSet()));
  }

  /**
   * The update as a {@link Config}; 42203 for a level name that is not one, 422 for a
   * {@code compatibilityPolicy} that is LOGICAL or no policy ({@link CompatibilityPolicies}).
   */
  static Config config(ConfigUpdateRequest request) {
    CompatibilityLevel level = null;
    if (request.compatibility() != null) {
      level = CompatibilityLevel.parse(request.compatibility())
          .orElseThrow(EdgeError.INVALID_COMPATIBILITY_LEVEL::exception);
    }
    String policy;
    try {
      policy = CompatibilityPolicies.check(request.compatibilityPolicy());
    } catch (IllegalArgumentException e) {
      throw EdgeError.UNPROCESSABLE.exception(e.getMessage());
    }
    return new Config(request.alias(), request.aliasForDeks(), request.normalize(),
        request.validateFields(), request.validateNewSchemas(), request.validateRules(), level,
        policy, request.compatibilityGroup(), raw(request.defaultMetadata()), raw(request.overrideMetadata()),
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
      throw BodyErrors.of(e);
    } catch (IOException e) {
      // Bad UTF-8 can surface as a CharConversionException, which is no JsonProcessingException.
      throw BodyErrors.notUtf8();
    }
  }

  static <T> T required(T value) {
    if (value == null) {
      throw BodyErrors.required();
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

  /**
   * A reference the registry cannot use, in the Confluent registry's shape (see {@link
   * Describe}); for a null one Confluent's details were a NullPointerException's text, ours say
   * which element is null.
   */
  private static RegistryException invalidReference(
      String subject, RegisterSchemaRequest request, String problem) {
    String type = request.schemaType() == null ? "AVRO" : request.schemaType();
    Describe.Request quoted = new Describe.Request(subject, request.version(), request.id(), type,
        request.references(), raw(request.metadata()), raw(request.ruleSet()), request.schema());
    return ErrorCode.INVALID_SCHEMA.exception(Describe.invalidSchema(quoted,
        "Invalid reference: " + problem, true));
  }
}
