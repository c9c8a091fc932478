package dev.stele.http.ops;

import io.vertx.ext.web.RoutingContext;

/**
 * What the routes and the error answers tell the audit line about a request's answer: the id
 * and version a write produced, or the Confluent error code it was refused with. They put the
 * values on the request's context as they answer, so that the line never parses a response body.
 */
public final class Audit {
  static final String ID = "stele.audit.id";
  static final String VERSION = "stele.audit.version";
  static final String ERROR_CODE = "stele.audit.errorCode";
  static final String KEK = "stele.audit.kek";
  static final String SUBJECT = "stele.audit.subject";

  private Audit() {}

  /** A schema registered (or found) under a subject: its id and version there. */
  public static void registered(RoutingContext ctx, int id, int version) {
    ctx.put(ID, id);
    ctx.put(VERSION, version);
  }

  /** A write that names one version (a deleted version). */
  public static void version(RoutingContext ctx, int version) {
    ctx.put(VERSION, version);
  }

  /**
   * A DEK registry request's KEK and subject (either may be null) when the body names them rather
   * than the path.
   */
  public static void key(RoutingContext ctx, String kek, String subject) {
    if (kek != null) {
      ctx.put(KEK, kek);
    }
    if (subject != null) {
      ctx.put(SUBJECT, subject);
    }
  }

  /** The {@code error_code} of the error answer sent. */
  public static void errorCode(RoutingContext ctx, int code) {
    ctx.put(ERROR_CODE, code);
  }
}
