package dev.stele.http;

import dev.stele.registry.cluster.Leadership;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first step of a stop, before the listener closes: every answer from then on says
 * {@code Connection: close}, so that each client's kept-alive connection to this instance ends
 * with an answer and its next request opens a new connection, which the stopped listener refuses
 * and the client sends elsewhere; and {@code /health/ready} says 503, so that load balancers
 * move on. Requests are still served where that is safe:
 *
 * <ul>
 *   <li>reads (GET and HEAD), on every node: they are answered from this node's state, which
 *       stays open until the listener has stopped and its requests in flight are answered;
 *   <li>writes on a cluster node that no longer leads and knows who does: they are forwarded,
 *       and the forwarding is answered before the listener stops;
 *   <li>other writes (a leader that could not hand over, the embedded store's lone node) are
 *       answered 503 with 50302 ("not applied, retry"): a definite answer the client can send
 *       elsewhere or again, rather than a write that might meet the store closing.
 * </ul>
 *
 * <p>Assumption: the drain lasts long enough (a second by default) for a busy client's pooled
 * connections to each carry one request. A connection idle through the whole drain is closed
 * when the listener stops, and a request a client sends on it at that moment meets a closed
 * connection with no answer, which HTTP/1.1 cannot prevent (RFC 9112 §9.3.1: clients resend such
 * requests; {@code HttpURLConnection} does).
 */
final class DrainGate implements Handler<RoutingContext> {
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Leadership leadership;

  DrainGate(Leadership leadership) {
    this.leadership = leadership;
  }

  void start() {
    draining.set(true);
  }

  boolean draining() {
    return draining.get();
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!draining.get()) {
      ctx.next();
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    HttpMethod method = ctx.request().method();
    boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
    if (read || !leadership.leads() && leadership.leader().isPresent()) {
      ctx.next();
    } else {
      Call.fail(ctx, EdgeError.SHUTTING_DOWN.exception());
    }
  }
}
