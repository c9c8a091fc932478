package dev.stele.http.ops;

import dev.stele.registry.cluster.Leadership;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per write request (POST, PUT, DELETE) once it has been answered, on the logger
 * {@code stele.audit}: who (principal or anonymous, remote address), what (method, route, path),
 * the subject, and the result (status, and the answer's id/version/error code are in the status
 * class; the body is not parsed to keep the write path cheap). A forwarded write is logged by
 * both nodes: {@code forwarded=to-leader} on the follower, {@code forwarded=from-follower} on the
 * leader.
 */
final class AuditLog {
  static final String LOGGER = "stele.audit";
  /** Forwarder's marker header; the follower sets it on the request it sends to the leader. */
  private static final String FORWARDED = "X-Stele-Forwarded";
  private final Consumer<String> sink;

  AuditLog(Consumer<String> sink) {
    this.sink = sink;
  }

  static Consumer<String> toLogger() {
    Logger logger = LoggerFactory.getLogger(LOGGER);
    return logger::info;
  }

  void start(RoutingContext ctx, Leadership leadership) {
    HttpServerRequest request = ctx.request();
    if (!Operations.isWrite(request.method()) || request.path().equals("/metrics")) {
      return;
    }
    String forwarded = request.getHeader(FORWARDED) != null ? "from-follower"
        : leadership.leads() ? "no" : "to-leader";
    ctx.addEndHandler(done -> sink.accept(line(ctx, forwarded)));
  }

  private static String line(RoutingContext ctx, String forwarded) {
    HttpServerRequest request = ctx.request();
    StringBuilder out = new StringBuilder(160);
    out.append("audit");
    field(out, "principal", principal(ctx));
    field(out, "remote", request.remoteAddress() == null ? "-" : request.remoteAddress().hostAddress());
    field(out, "method", request.method().name());
    field(out, "route", RequestMetrics.template(ctx));
    field(out, "path", request.path());
    String subject = ctx.pathParam("subject");
    field(out, "subject", subject == null ? "-" : subject);
    field(out, "status", Integer.toString(ctx.response().getStatusCode()));
    field(out, "result", ctx.response().getStatusCode() < 300 ? "ok" : "refused");
    field(out, "forwarded", forwarded);
    return out.toString();
  }

  private static String principal(RoutingContext ctx) {
    // Where Authentication keeps the caller (Authentication.CALLER).
    Object caller = ctx.get("stele.caller");
    if (caller instanceof dev.stele.http.auth.Caller c && c.principal() != null) {
      return c.principal().name();
    }
    return "anonymous";
  }

  /** key=value, the value quoted when it holds a space, quote or equals sign. */
  private static void field(StringBuilder out, String key, String value) {
    out.append(' ').append(key).append('=');
    if (value.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20)) {
      out.append('"');
      value.chars().forEach(c -> {
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c < 0x20 ? '?' : (char) c);
      });
      out.append('"');
    } else {
      out.append(value);
    }
  }
}
