package dev.stele.http;

import dev.stele.http.ops.Audit;
import dev.stele.registry.model.SchemaPayload;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request as the route handlers see it: typed parameters in, rendered JSON out. It also owns
 * the threading rules: reads answer on the event loop; CPU-heavy service calls go to a worker;
 * writes complete on the log's thread and are brought back to the request's context before the
 * response is touched (Vert.x responses are not thread-safe).
 */
final class Call {
  static final String RESPONSE_TYPE = "stele.responseType";

  private final RoutingContext ctx;
  private int success = 200;
  private final int maxSchemaBytes;

  Call(RoutingContext ctx, int maxSchemaBytes) {
    this.ctx = ctx;
    this.maxSchemaBytes = maxSchemaBytes;
  }

  String path(String name) {
    return ctx.pathParam(name);
  }

  /** Who is calling; on a server without authentication, an open caller allowed everything. */
  dev.stele.http.auth.Caller caller() {
    return Authentication.caller(ctx);
  }

  /** An integer path parameter; a plain 404 when it is not one, as JAX-RS answers. */
  int pathInt(String name) {
    return QueryParams.parseInt(ctx.pathParam(name));
  }

  boolean flag(String name) {
    return QueryParams.flag(query(), name);
  }

  int integer(String name, int defaultValue) {
    return QueryParams.integer(query(), name, defaultValue);
  }

  /** A query parameter's first value; null when absent. */
  String text(String name) {
    return QueryParams.text(query(), name);
  }

  /** Every value of a repeated query parameter ({@code ?key=a&key=b}). */
  java.util.List<String> all(String name) {
    return QueryParams.all(query(), name);
  }

  String text(String name, String defaultValue) {
    return QueryParams.text(query(), name, defaultValue);
  }

  boolean hasQuery() {
    return ctx.request().query() != null;
  }

  Buffer body() {
    return ctx.body().buffer();
  }

  /**
   * The schema a client submitted (to register, look up or check), refused with 42209 when its
   * text is larger than the server's schema limit: parsing and storing it would cost more than
   * any real schema does.
   */
  SchemaPayload payload(String subject, RequestTypes.RegisterSchemaRequest body) {
    String text = body.schema();
    // UTF-8 needs at most 3 bytes per UTF-16 unit: short texts skip the count.
    if (text != null && (long) text.length() * 3 > maxSchemaBytes) {
      int bytes = utf8Length(text);
      if (bytes > maxSchemaBytes) {
        throw schemaTooLarge(bytes);
      }
    }
    return RequestBodies.payload(subject, body);
  }

  /**
   * The body of a request carrying a schema, read. A schema over the limit is refused from a
   * count over the body's bytes ({@link SchemaSize}) before Jackson builds its text; a body no
   * larger than the limit cannot hold a larger schema (escapes only lengthen it), so it is not
   * counted. {@link #payload} still checks what Jackson read.
   */
  RequestTypes.RegisterSchemaRequest schemaRequest() {
    Buffer body = body();
    if (body != null && body.length() > maxSchemaBytes) {
      long bytes = SchemaSize.of(body);
      if (bytes > maxSchemaBytes) {
        throw schemaTooLarge(bytes);
      }
    }
    return RequestBodies.schemaRequest(body);
  }

  private EdgeException schemaTooLarge(long bytes) {
    return EdgeError.SCHEMA_TOO_LARGE.withMessage(
        "Register operation failed because schema is too large: " + bytes
            + " bytes, the limit is " + maxSchemaBytes);
  }

  /** UTF-8 bytes of a text; a lone surrogate counts three, as it would be encoded raw. */
  static int utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /** Tells the audit line the id and version of the schema this write registered. */
  void registered(int id, int version) {
    Audit.registered(ctx, id, version);
  }

  /** Tells the audit line the KEK and subject a DEK registry request's body named. */
  void auditKey(String kek, String subject) {
    Audit.key(ctx, kek, subject);
  }

  /** Tells the audit line the version this write deleted. */
  void version(int version) {
    Audit.version(ctx, version);
  }

  /** The request itself: for the few routes that ask other nodes on the caller's behalf. */
  RoutingContext context() {
    return ctx;
  }

  /** Answers with a JSON body rendered later (after asking other nodes), or the mapped failure. */
  void okLater(Future<Buffer> json) {
    reply(json, Function.identity());
  }

  /** Answers with a rendered JSON body: 200, or the status {@link #successStatus} set. */
  void ok(Buffer json) {
    send(ctx, success, json);
  }

  /** The status of a successful answer (Confluent's batch calls answer 207 Multi-Status). */
  void successStatus(int status) {
    success = status;
  }

  /** Runs a write and answers with its rendered result once the write is applied. */
  <T> void write(Supplier<CompletionStage<T>> write, Function<T, Buffer> render) {
    Context context = ctx.vertx().getOrCreateContext(); // the request's event-loop context
    reply(Future.fromCompletionStage(write.get(), context), render);
  }

  /** Runs a write and answers 204 without a body once the write is applied. */
  void writeNoContent(Supplier<CompletionStage<Void>> write) {
    write(write, applied -> null);
  }

  /**
   * Runs CPU-heavy work (schema parsing) on a worker, unordered so that independent requests
   * run in parallel, and answers back on the event loop.
   */
  <T> void blocking(Callable<T> work, Function<T, Buffer> render) {
    reply(ctx.vertx().executeBlocking(work, false), render);
  }

  /** CPU-heavy work on a worker as a stage: for a write whose answer needs parsing. */
  <T> CompletionStage<T> onWorker(Callable<T> work) {
    return ctx.vertx().executeBlocking(work, false).toCompletionStage();
  }

  private void noContent() {
    HttpServerResponse response = ctx.response();
    if (!response.ended() && !response.closed()) {
      response.setStatusCode(204).end();
    }
  }

  /** Answers with the mapped error. */
  void fail(Throwable failure) {
    fail(ctx, failure);
  }

  private <T> void reply(Future<T> result, Function<T, Buffer> render) {
    result.onComplete(done -> {
      if (done.failed()) {
        fail(done.cause());
        return;
      }
      Buffer body;
      try {
        body = render.apply(done.result());
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
      if (body == null) {
        noContent();
      } else {
        ok(body);
      }
    });
  }

  private MultiMap query() {
    return ctx.queryParams();
  }

  static void fail(RoutingContext ctx, Throwable failure) {
    if (HeldWrite.takeBack(ctx, failure)) {
      return; // not stored because this node's term ended: held for the next leader
    }
    answer(ctx, ErrorMapper.map(failure));
  }

  static void failStatus(RoutingContext ctx, int status) {
    answer(ctx, ErrorMapper.forStatus(status));
  }

  /**
   * Sends a mapped error and tells the audit line its code. A 503 is about the server's state,
   * not the request: Retry-After tells clients (and proxies) when asking again is worth it.
   */
  private static void answer(RoutingContext ctx, ErrorMapper.Answer answer) {
    Audit.errorCode(ctx, answer.code());
    if (answer.status() == 503 && !ctx.response().headWritten()) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER,
          Integer.toString(HeapGuard.RETRY_AFTER_SECONDS));
    }
    send(ctx, answer.status(), answer.body());
  }

  /** Writes a response in the negotiated media type (the default when none was negotiated). */
  static void send(RoutingContext ctx, int status, Buffer body) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    String type = ctx.get(RESPONSE_TYPE);
    response.setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, type != null ? type : MediaTypes.V1_JSON)
        .end(body);
  }
}
