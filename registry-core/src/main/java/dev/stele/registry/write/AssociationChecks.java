package dev.stele.registry.write;

import dev.stele.registry.model.Association;
import dev.stele.registry.model.Association.Lifecycle;
import dev.stele.registry.model.AssociationRequests.Info;
import dev.stele.registry.model.AssociationRequests.Upsert;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RegistryException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of an association request that need no state, as Confluent 8.x's request classes
 * make them before the registry sees the request: names, the resource type, association types,
 * and the defaults of a create (with a schema: STRONG and frozen; without: WEAK; a STRONG
 * association's subject is {@code :.namespace:name-type}). Each refusal is 42212 naming the
 * property, worded as Confluent words it.
 */
public final class AssociationChecks {
  static final String KEY = "key";
  static final String VALUE = "value";
  /** Confluent's {@code RestValidation.NAME_MAX_LENGTH}. */
  private static final int NAME_MAX_LENGTH = 256;

  private AssociationChecks() {}

  public static RegistryException invalid(String property, String detail) {
    return ErrorCode.INVALID_ASSOCIATION.exception(property, detail);
  }

  /** The request with its defaults filled in; throws 42212 for what Confluent refuses. */
  public static Upsert validate(Upsert u) {
    checkName(u.resourceName(), "resourceName");
    checkName(u.resourceNamespace(), "resourceNamespace");
    if (!u.dryRun() && (u.resourceId() == null || u.resourceId().isEmpty())) {
      throw invalid("resourceId", "cannot be null or empty");
    }
    String type = u.resourceType();
    if (type == null || type.isEmpty()) {
      type = Association.TOPIC;
    } else if (!type.equals(Association.TOPIC)) {
      throw invalid("resourceType", "must be '" + Association.TOPIC + "'");
    }
    if (u.associations() == null || u.associations().isEmpty()) {
      throw invalid("associations", "cannot be null or empty");
    }
    List<Info> infos = new ArrayList<>();
    for (Info given : u.associations()) {
      Info info = validate(given, u.create());
      String defaultSubject = defaultSubject(u, info.associationType());
      if (u.create()) {
        if (info.subject() == null) {
          info = info.withSubject(defaultSubject);
        }
        if (Boolean.TRUE.equals(info.frozen()) && !info.subject().equals(defaultSubject)) {
          throw invalid("subject", "frozen associations must use subject '" + defaultSubject + "'");
        }
        if (info.lifecycle() == Lifecycle.WEAK && info.subject().equals(defaultSubject)) {
          throw invalid("subject", "WEAK associations cannot use subject '" + defaultSubject + "'");
        }
      }
      infos.add(info);
    }
    return u.with(type, infos);
  }

  /** Confluent's subject of a STRONG association: in the context named after the namespace. */
  static String defaultSubject(Upsert u, String associationType) {
    return ":." + u.resourceNamespace() + ":" + u.resourceName() + "-" + associationType;
  }

  private static Info validate(Info info, boolean create) {
    if (info.subject() != null && (info.subject().isEmpty() || hasControl(info.subject()))) {
      throw invalid("subject", "must not be empty");
    }
    if (create) {
      info = withDefaults(info, true);
    }
    String type = info.associationType();
    if (type == null || type.isEmpty()) {
      type = VALUE;
    } else if (!type.equals(KEY) && !type.equals(VALUE)) {
      throw invalid("associationType", "must be either '" + KEY + "' or '" + VALUE + "'");
    }
    if (info.lifecycle() == Lifecycle.WEAK) {
      if (info.schema() != null) {
        throw invalid("lifecycle", "cannot be WEAK when schema is provided");
      }
      if (Boolean.TRUE.equals(info.frozen())) {
        throw invalid("frozen", "association with lifecycle of WEAK cannot be frozen");
      }
      if (create && info.subject() == null) {
        throw invalid("subject", "must be provided for WEAK associations");
      }
    }
    return info.withDefaults(type, info.lifecycle(), info.frozen());
  }

  /**
   * The lifecycle and frozen flag of an association that does not exist yet: a schema makes it
   * STRONG (and frozen), none makes it WEAK; only a create may carry a schema.
   */
  static Info withDefaults(Info info, boolean create) {
    if (!create && info.schema() != null) {
      throw invalid("schema", "cannot be provided when adding an association to an existing topic; "
          + "an association with a schema must be created with the topic");
    }
    Lifecycle lifecycle = info.lifecycle();
    if (info.schema() != null) {
      if (lifecycle == Lifecycle.WEAK) {
        throw invalid("lifecycle", "cannot be WEAK when schema is provided");
      }
      if (Boolean.FALSE.equals(info.frozen())) {
        throw invalid("frozen", "cannot be false when a schema is provided");
      }
      lifecycle = Lifecycle.STRONG;
    } else if (lifecycle == null) {
      lifecycle = Lifecycle.WEAK;
    }
    boolean frozen = lifecycle == Lifecycle.STRONG;
    if (info.frozen() != null && info.frozen() != frozen) {
      throw invalid("frozen", String.format("association with lifecycle of %s cannot be frozen=%s",
          lifecycle, info.frozen()));
    }
    return info.withDefaults(info.associationType(), lifecycle, frozen);
  }

  /** Letters, digits, {@code _} and {@code -}, at most 256: Confluent's {@code checkName}. */
  private static void checkName(String name, String property) {
    if (name == null || name.isEmpty()) {
      throw invalid(property, "cannot be null or empty");
    }
    if (name.length() > NAME_MAX_LENGTH) {
      throw invalid(property, "exceeds max length of " + NAME_MAX_LENGTH);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        throw invalid(property, "illegal character '" + c + "'");
      }
    }
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
