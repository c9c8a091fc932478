package dev.stele.http;

import dev.stele.registry.model.IncompatibleSchemaException;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaRejectedException;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.HttpException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers (DESIGN.md rule 5): a {@link RegistryException}
 * gives its code's status and error code; a framework status (404, 405, 413, ...) gives the
 * Confluent registry's {@code "HTTP <status> <reason>"} text; an OutOfMemoryError is a 503;
 * anything else is a bug, logged with its stack trace and answered 500 without one. Every error answer's body is rendered by
 * {@link Answer#body}: the routes', the authentication's 401 and the connection guard's answers
 * to requests that never reach the router.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  /** What goes on the wire: HTTP status, {@code error_code} and message. */
  record Answer(int status, int code, String message) {
    /** The body every error answer has: {@code {"error_code":...,"message":...}}. */
    Buffer body() {
      return Render.error(code, message);
    }
  }

  private ErrorMapper() {}

  static Answer map(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RegistryException e) {
      return new Answer(HttpStatuses.of(e.code()), e.code().code(), wording(e));
    }
    if (cause instanceof EdgeException e) {
      return new Answer(e.code().status(), e.code().code(), e.getMessage());
    }
    if (cause instanceof HttpException e) {
      return forStatus(e.getStatusCode());
    }
    if (cause instanceof OutOfMemoryError) {
      // This request's work did not fit in the heap; its garbage is gone with it, and threads
      // that hold state are not request threads (decision 0010). No trace: it would allocate
      // and shows only where the last allocation happened to fail.
      LOG.error("A request ran out of memory ({}); answered 503", cause.getMessage());
      return of(EdgeError.LOW_MEMORY);
    }
    if (fromHttpDecoder(cause)) {
      // The request's bytes are not HTTP (a malformed chunk size arrives as Netty's
      // NumberFormatException): the client's fault, not a bug of ours.
      return forStatus(400);
    }
    LOG.error("Unexpected failure while serving a request", cause);
    return forStatus(500);
  }

  /**
   * The message a client sees for a registry error: the core's typed failures (an incompatible
   * schema, a rejected one) are worded here, the others carry their message.
   */
  static String wording(RegistryException e) {
    if (e instanceof IncompatibleSchemaException incompatible) {
      return CompatibilityMessages.incompatible(incompatible);
    }
    if (e instanceof SchemaRejectedException rejected) {
      return Describe.rejected(rejected);
    }
    return e.getMessage();
  }

  /** A bare status from the framework (no route, wrong method, body too large, ...). */
  static Answer forStatus(int status) {
    return switch (status) {
      case 400 -> new Answer(400, 400, "HTTP 400 Bad Request");
      case 404 -> of(EdgeError.NOT_FOUND);
      case 405 -> of(EdgeError.METHOD_NOT_ALLOWED);
      case 406 -> of(EdgeError.NOT_ACCEPTABLE);
      case 408 -> new Answer(408, 408, "Request not received in time");
      case 413 -> new Answer(413, 413, "Request body is larger than the server accepts");
      case 414 -> new Answer(414, 414, "Request line is longer than the server accepts");
      case 415 -> of(EdgeError.UNSUPPORTED_MEDIA_TYPE);
      case 431 -> new Answer(431, 431, "Request headers are larger than the server accepts");
      default -> status >= 400 && status < 500
          ? new Answer(status, status, "HTTP " + status)
          : new Answer(500, 500, "Internal Server Error");
    };
  }

  private static Answer of(EdgeError code) {
    return new Answer(code.status(), code.code(), code.exception().getMessage());
  }

  private static boolean fromHttpDecoder(Throwable cause) {
    if (cause instanceof DecoderException) {
      return true;
    }
    StackTraceElement[] frames = cause.getStackTrace();
    return frames.length > 0 && frames[0].getClassName().startsWith("io.netty.handler.codec.http.");
  }

  /** Failed stages wrap the real failure; the answer is about the real one. */
  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
