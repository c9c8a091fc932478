package dev.stele.http;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.stele.kms.DekFormat;
import dev.stele.registry.model.ErrorCode;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * The DEK registry's request bodies, shaped like Confluent's {@code CreateKekRequest},
 * {@code UpdateKekRequest} and {@code CreateDekRequest}, and the name checks its resource makes
 * (42271 naming the field).
 */
final class KeyBodies {
  /** Confluent's limit on a KEK's name. */
  private static final int NAME_MAX_LENGTH = 64;

  record CreateKekRequest(String name, String kmsType, String kmsKeyId, Map<String, String> kmsProps,
      String doc, Boolean shared, Boolean deleted) {}

  record UpdateKekRequest(Map<String, String> kmsProps, String doc, Boolean shared) {}

  record CreateDekRequest(String subject, Integer version, String algorithm,
      String encryptedKeyMaterial, Boolean deleted) {}

  private static final ObjectReader CREATE_KEK = Json.MAPPER.readerFor(CreateKekRequest.class);
  private static final ObjectReader UPDATE_KEK = Json.MAPPER.readerFor(UpdateKekRequest.class);
  private static final ObjectReader CREATE_DEK = Json.MAPPER.readerFor(CreateDekRequest.class);

  private KeyBodies() {}

  static CreateKekRequest createKek(Buffer body) {
    CreateKekRequest request = RequestBodies.required(RequestBodies.read(CREATE_KEK, body));
    checkName(request.name());
    if (request.kmsKeyId() == null || request.kmsKeyId().isEmpty()) {
      throw ErrorCode.INVALID_KEY.exception("kmsKeyId");
    }
    if (request.kmsType() == null || request.kmsType().isEmpty()) {
      throw ErrorCode.INVALID_KEY.exception("kmsType");
    }
    return request;
  }

  static UpdateKekRequest updateKek(Buffer body) {
    return RequestBodies.required(RequestBodies.read(UPDATE_KEK, body));
  }

  static CreateDekRequest createDek(Buffer body) {
    CreateDekRequest request = RequestBodies.required(RequestBodies.read(CREATE_DEK, body));
    checkSubject(request.subject());
    if (request.version() != null && request.version() < 1) {
      throw ErrorCode.INVALID_KEY.exception("version");
    }
    return request;
  }

  /** A letter or {@code _} first, then letters, digits, {@code _} or {@code -}; at most 64. */
  static String checkName(String name) {
    boolean valid = name != null && !name.isEmpty() && name.length() <= NAME_MAX_LENGTH
        && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
    for (int i = 1; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
    if (!valid) {
      throw ErrorCode.INVALID_KEY.exception("name");
    }
    return name;
  }

  /** Any non-empty subject without control characters. */
  static String checkSubject(String subject) {
    if (subject == null || subject.isEmpty() || subject.chars().anyMatch(Character::isISOControl)) {
      throw ErrorCode.INVALID_KEY.exception("subject");
    }
    return subject;
  }

  /** An algorithm by Confluent's name; null (AES256_GCM) when absent, 42271 when unknown. */
  static DekFormat algorithm(String name) {
    if (name == null) {
      return null;
    }
    DekFormat format = DekFormat.named(name);
    if (format == null) {
      throw ErrorCode.INVALID_KEY.exception("algorithm");
    }
    return format;
  }
}
