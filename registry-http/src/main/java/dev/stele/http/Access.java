package dev.stele.http;

import dev.stele.http.auth.Caller;
import dev.stele.http.auth.Operation;
import dev.stele.http.auth.Resource;
import dev.stele.registry.model.ErrorCode;
import io.vertx.ext.web.RoutingContext;

/**
 * What a route requires of its caller, declared with the route and checked before the body is
 * read. A subject (or KEK) the caller may not read does not exist for it (40401, or 40470 for the
 * DEK registry: the same answer as for a missing one); any other denial is 403 whether it exists
 * or not. Neither answer depends on what exists, so names cannot be probed.
 *
 * @param operation null: any signed-in caller (listings filter their answer themselves)
 * @param target what the operation is on: the {@code :subject} path parameter, the global config
 *     and mode, the {@code :name} KEK, or a DEK (the {@code :name} KEK and, when the path has
 *     one, the {@code :subject} subject: both must allow it)
 */
record Access(Operation operation, Target target) {
  /** Any authenticated caller: for routes open to every user (listings filter what they show). */
  static final Access SIGNED_IN = new Access(null, Target.SUBJECT);
  /** Confluent's name for the global level where a subject name is expected. */
  private static final String GLOBAL_SUBJECT = ":.__GLOBAL:";

  enum Target { SUBJECT, GLOBAL, KEK, DEK }

  static Access subject(Operation operation) {
    return new Access(operation, Target.SUBJECT);
  }

  static Access global(Operation operation) {
    return new Access(operation, Target.GLOBAL);
  }

  /** On the KEK named by the {@code :name} path parameter. */
  static Access kek(Operation operation) {
    return new Access(operation, Target.KEK);
  }

  /** On a DEK: its KEK ({@code :name}) and its subject ({@code :subject}, when in the path). */
  static Access dek(Operation operation) {
    return new Access(operation, Target.DEK);
  }

  /** Throws the answer for a caller that lacks this access; returns when allowed. */
  void check(RoutingContext ctx) {
    Caller caller = Authentication.caller(ctx);
    if (operation == null || caller.policy().isOpen()) {
      return;
    }
    if (target == Target.KEK || target == Target.DEK) {
      checkKey(caller, ctx.pathParam("name"));
      String subject = ctx.pathParam("subject");
      if (target == Target.DEK && subject != null) {
        require(caller, operation, Resource.subject(subject), ErrorCode.KEY_NOT_FOUND, subject);
      }
      return;
    }
    String subject = target == Target.GLOBAL ? null : ctx.pathParam("subject");
    Resource resource = subject == null || subject.equals(GLOBAL_SUBJECT) ? Resource.GLOBAL
        : Resource.subject(subject);
    require(caller, operation, resource, ErrorCode.SUBJECT_NOT_FOUND, subject);
  }

  private void checkKey(Caller caller, String kek) {
    require(caller, operation, Resource.kek(kek), ErrorCode.KEY_NOT_FOUND, kek);
  }

  /**
   * Passes when {@code caller} may do {@code operation} on {@code resource}; else a read is
   * answered {@code notFound} for {@code name} and anything else 403. Also for handlers that
   * learn a resource from the body (a DEK's subject).
   */
  static void require(Caller caller, Operation operation, Resource resource, ErrorCode notFound,
      String name) {
    if (caller.policy().isOpen() || caller.may(operation, resource)) {
      return;
    }
    if (operation == Operation.READ && !resource.isGlobal()) {
      throw notFound.exception(name);
    }
    throw EdgeError.FORBIDDEN.exception("User '" + caller.name() + "' may not "
        + operation.word() + " " + resource);
  }
}
