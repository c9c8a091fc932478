package dev.stele.http;

import dev.stele.http.auth.Caller;
import dev.stele.http.auth.Operation;
import dev.stele.http.auth.Resource;
import dev.stele.registry.model.ErrorCode;
import io.vertx.ext.web.RoutingContext;

/**
 * What a route requires of its caller, declared with the route and checked before the body is
 * read. A subject the caller may not read does not exist for it (40401, the same answer as for a
 * missing subject); any other denial is 403 whether the subject exists or not. Neither answer
 * depends on what exists, so subject names cannot be probed.
 *
 * @param operation null: any signed-in caller (listings filter their answer themselves)
 * @param global the global config and mode rather than the {@code :subject} path parameter
 */
record Access(Operation operation, boolean global) {
  /** Any authenticated caller: for routes open to every user (listings filter what they show). */
  static final Access SIGNED_IN = new Access(null, false);
  /** Confluent's name for the global level where a subject name is expected. */
  private static final String GLOBAL_SUBJECT = ":.__GLOBAL:";

  static Access subject(Operation operation) {
    return new Access(operation, false);
  }

  static Access global(Operation operation) {
    return new Access(operation, true);
  }

  /** Throws the answer for a caller that lacks this access; returns when allowed. */
  void check(RoutingContext ctx) {
    Caller caller = Authentication.caller(ctx);
    if (operation == null || caller.policy().isOpen()) {
      return;
    }
    String subject = global ? null : ctx.pathParam("subject");
    Resource resource = subject == null || subject.equals(GLOBAL_SUBJECT) ? Resource.GLOBAL
        : Resource.subject(subject);
    if (caller.may(operation, resource)) {
      return;
    }
    if (operation == Operation.READ && !resource.isGlobal()) {
      throw ErrorCode.SUBJECT_NOT_FOUND.exception(subject);
    }
    throw EdgeError.FORBIDDEN.exception("User '" + caller.name() + "' may not "
        + operation.word() + " " + resource);
  }
}
