package dev.stele.http.ops;

import dev.stele.registry.cluster.Leadership;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per write request (POST, PUT, DELETE) once it has been answered, on the logger
 * {@code stele.audit}, its fields as SLF4J key/value pairs: who ({@code principal}, or
 * {@code anonymous}, and the {@code remote} address), what ({@code method}, {@code route},
 * {@code path}, {@code subject}) and the result ({@code status}, {@code result=ok|refused}; the
 * {@code id} and {@code version} a registration produced, the {@code version} a delete removed,
 * or the {@code error_code} of a refusal, as the routes and error answers recorded them through
 * {@link Audit}; the body is never parsed). A forwarded write is logged by both nodes:
 * {@code forwarded=to-leader} on the follower (which does not see the leader's id or error code),
 * {@code forwarded=from-follower} on the leader.
 */
final class AuditLog {
  static final String LOGGER = "stele.audit";
  static final String MESSAGE = "audit";
  /** Forwarder's marker header; the follower sets it on the request it sends to the leader. */
  private static final String FORWARDED = "X-Stele-Forwarded";
  private final Consumer<Map<String, String>> sink;

  private AuditLog(Consumer<Map<String, String>> sink) {
    this.sink = sink;
  }

  /** Lines to the {@code stele.audit} logger: message {@code audit}, the fields as key/values. */
  static AuditLog toLogger() {
    Logger logger = LoggerFactory.getLogger(LOGGER);
    return new AuditLog(fields -> {
      LoggingEventBuilder event = logger.atInfo().setMessage(MESSAGE);
      fields.forEach(event::addKeyValue);
      event.log();
    });
  }

  /** Lines as text, {@code audit key=value ...}, to {@code sink}. */
  static AuditLog toText(Consumer<String> sink) {
    return new AuditLog(fields -> sink.accept(text(fields)));
  }

  static String text(Map<String, String> fields) {
    StringBuilder out = new StringBuilder(200).append(MESSAGE);
    fields.forEach((key, value) -> KeyValueText.append(out.append(' '), key, value));
    return out.toString();
  }

  void start(RoutingContext ctx, Leadership leadership) {
    HttpServerRequest request = ctx.request();
    if (!Operations.isWrite(request.method()) || request.path().equals("/metrics")) {
      return;
    }
    String forwarded = request.getHeader(FORWARDED) != null ? "from-follower"
        : leadership.leads() ? "no" : "to-leader";
    ctx.addEndHandler(done -> sink.accept(fields(ctx, forwarded)));
  }

  private static Map<String, String> fields(RoutingContext ctx, String forwarded) {
    HttpServerRequest request = ctx.request();
    int status = ctx.response().getStatusCode();
    Map<String, String> fields = new LinkedHashMap<>(16);
    fields.put("principal", principal(ctx));
    fields.put("remote", request.remoteAddress() == null ? "-" : request.remoteAddress().hostAddress());
    fields.put("method", request.method().name());
    fields.put("route", RequestMetrics.template(ctx));
    fields.put("path", request.path());
    String subject = ctx.pathParam("subject");
    if (subject == null) {
      subject = ctx.get(Audit.SUBJECT);
    }
    fields.put("subject", subject == null ? "-" : subject);
    if (request.path().startsWith("/dek-registry/")) {
      // The DEK registry's requests name a KEK: in the path, or in a create's body.
      String kek = ctx.pathParam("name");
      if (kek == null) {
        kek = ctx.get(Audit.KEK);
      }
      fields.put("kek", kek == null ? "-" : kek);
    }
    fields.put("status", Integer.toString(status));
    fields.put("result", status < 300 ? "ok" : "refused");
    if (status < 300) {
      putIfSet(fields, "id", ctx.get(Audit.ID));
      putIfSet(fields, "version", ctx.get(Audit.VERSION));
    } else {
      putIfSet(fields, "error_code", ctx.get(Audit.ERROR_CODE));
    }
    fields.put("forwarded", forwarded);
    return fields;
  }

  private static void putIfSet(Map<String, String> fields, String key, Object value) {
    if (value != null) {
      fields.put(key, value.toString());
    }
  }

  private static String principal(RoutingContext ctx) {
    // Where Authentication keeps the caller (Authentication.CALLER).
    Object caller = ctx.get("stele.caller");
    if (caller instanceof dev.stele.http.auth.Caller c && c.principal() != null) {
      return c.principal().name();
    }
    return "anonymous";
  }
}
