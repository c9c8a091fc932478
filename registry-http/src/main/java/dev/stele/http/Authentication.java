package dev.stele.http;

import dev.stele.http.auth.BasicAuthenticator;
import dev.stele.http.auth.BearerAuthenticator;
import dev.stele.http.auth.Caller;
import dev.stele.http.auth.Principal;
import dev.stele.http.auth.Security;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The first handler of every request when authentication is on: finds the caller from the
 * {@code Authorization} header (Basic credentials, or a bearer token when configured) and keeps
 * it on the request for the routes' access checks, or answers 401 with the challenges.
 * Credentials seen before are answered from a cache on the event loop; the slow password hash of
 * new ones (or a token's first check, which may fetch the JWKS) runs on a worker.
 */
final class Authentication implements PlatformHandler {
  static final String CALLER = "stele.caller";
  /** The same words for every refusal: which part of the credentials was wrong is not told. */
  private static final String UNAUTHORIZED = "Unauthorized: missing or wrong credentials";

  private final BasicAuthenticator authenticator;
  private final BearerAuthenticator bearer;
  private final Security security;
  private final List<String> challenges;

  Authentication(Security security) {
    this.security = security;
    this.authenticator = security.authenticator();
    this.bearer = security.bearer();
    String realm = "realm=\"" + security.realm().replace("\"", "") + "\"";
    this.challenges = bearer == null ? List.of("Basic " + realm)
        : List.of("Bearer " + realm, "Basic " + realm);
  }

  /** The caller of a request; on a server without authentication, an open one. */
  static Caller caller(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER);
    return caller != null ? caller : Caller.ANONYMOUS_OPEN;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.get(CALLER) != null || security.isOpen(ctx.normalizedPath())) {
      ctx.next(); // a reroute (/contexts/...) of a request already authenticated, or an open path
      return;
    }
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      String certified = ClientCertificates.commonName(ctx.request());
      if (certified != null) {
        admit(ctx, authenticator.certified(certified));
      } else {
        challenge(ctx);
      }
      return;
    }
    if (bearer != null && BearerAuthenticator.isBearer(header)) {
      authenticateBearer(ctx, header);
      return;
    }
    Principal known = authenticator.cached(header);
    if (known != null) {
      admit(ctx, known);
      return;
    }
    if (authenticator.refusedBefore(header)) {
      challenge(ctx);
      return;
    }
    verifyOnWorker(ctx, () -> authenticator.verify(header));
  }

  /** As for Basic: known tokens on the event loop; new ones (maybe a JWKS fetch) on a worker. */
  private void authenticateBearer(RoutingContext ctx, String header) {
    Principal known = bearer.cached(header);
    if (known != null) {
      admit(ctx, known);
      return;
    }
    verifyOnWorker(ctx, () -> bearer.verify(header));
  }

  /** The slow check of new credentials, off the event loop; null from it means refused. */
  private void verifyOnWorker(RoutingContext ctx, Callable<Principal> verify) {
    // The body must wait for the verdict: paused here, resumed by the route's body handler, or
    // below once the route has answered without reading it.
    ctx.request().pause();
    ctx.vertx().executeBlocking(verify, false).onComplete(done -> {
      if (done.succeeded() && done.result() != null) {
        admit(ctx, done.result());
      } else {
        challenge(ctx);
      }
      ctx.request().resume();
    });
  }

  private void admit(RoutingContext ctx, Principal principal) {
    ctx.put(CALLER, new Caller(principal, authenticator.policy()));
    ctx.next();
  }

  private void challenge(RoutingContext ctx) {
    ctx.response().putHeader("WWW-Authenticate", challenges);
    Call.fail(ctx, EdgeError.UNAUTHORIZED.exception(UNAUTHORIZED));
  }
}
