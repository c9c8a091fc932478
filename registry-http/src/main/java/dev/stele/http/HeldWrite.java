package dev.stele.http;

import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.NotStoredException;
import dev.stele.registry.model.RegistryException;
import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * One write on its way to the node that decides it, waiting while no node can: no leader is
 * known (this node has just joined, an election is under way, the leader is handing over), this
 * node is elected but still taking the log over, the leader cannot be reached, or it answered
 * that it does not lead or is stopping (50004, 50302: nothing was applied, so sending again is
 * safe). It looks again every {@link #POLL_MILLIS} until {@link Leadership#leaderWait} has passed,
 * then answers the last refusal, 50003 if the leader stayed unreachable, or 50004.
 *
 * <p>A write this node decided is held again when the core says nothing of it was stored because
 * this node's term as the writer ended under it ({@link NotStoredException}, or 50004 from a
 * writer that stopped): the body it read goes to whichever node leads next. A follower's
 * forwarded write is answered with {@link #NOT_APPLIED} instead, for the follower to hold it.
 * A write whose forwarding failed after it may have reached the leader is answered 50003 at
 * once, unless its route is {@linkplain Effect#resendable resendable}: sending it again could
 * apply it twice.
 *
 * <p>Assumption: every step runs on the request's event loop (its timers and its HTTP client
 * callbacks), so the fields need no locks.
 */
final class HeldWrite {
  /**
   * On a leader's answer to a forwarded write: nothing of it was applied (its writer term ended
   * under it), so the follower may send it to the next leader whatever the error code says.
   */
  static final String NOT_APPLIED = "X-Stele-Not-Applied";
  /** Where a write decided here finds its HeldWrite again when the core fails it. */
  private static final String KEY = "stele.heldWrite";
  private static final long POLL_MILLIS = 25;
  /** Before asking a leader that refused again: it is most likely in the middle of a move. */
  private static final long RETRY_SAME_MILLIS = 200;
  /** Answers that say the write was not applied: from a node that no longer leads, or stopping. */
  private static final Set<Integer> NOT_APPLIED_CODES = Set.of(50004, 50302);

  private final Forwarder forwarder;
  private final RoutingContext ctx;
  private final Effect write;
  private final long deadline;
  private final boolean forwarded;
  private Buffer body; // read once the write has to travel
  private boolean reading;
  private String refusedBy; // the URL of the last leader that refused or could not be reached
  private long refusedAt;
  private Forwarder.Relayed lastRefusal;
  private boolean unreachable;
  private Throwable lastFailure; // this node's own not-stored failure, answered if nothing better
  private boolean counted; // counted as a write in progress here, until its answer ends

  /** @param forwarded sent by a follower: decided here or refused, never sent on */
  HeldWrite(Forwarder forwarder, RoutingContext ctx, Effect write, long deadline,
      boolean forwarded) {
    this.forwarder = forwarder;
    this.ctx = ctx;
    this.write = write;
    this.deadline = deadline;
    this.forwarded = forwarded;
  }

  void step() {
    if (ctx.response().ended() || ctx.response().closed()) {
      return; // the client gave up
    }
    Leadership leadership = forwarder.leadership();
    leadership.writeStarted(); // counted before asking, so a hand-over waits for this write
    boolean here = leadership.leads() && leadership.ready();
    if (here && body == null) {
      counted = true;
      ctx.addEndHandler(v -> uncount());
      ctx.put(KEY, this); // for takeBack, should the core find the term ended under it
      ctx.next();
      return;
    }
    leadership.writeDone();
    boolean takingOver = leadership.leads() && !here;
    if (forwarded && !takingOver) {
      Call.fail(ctx, ErrorCode.UNKNOWN_LEADER.exception());
      return;
    }
    // Leading with the body already read (an earlier try went elsewhere): through its own URL.
    Optional<NodeIdentity> target = takingOver || forwarded ? Optional.empty() : leadership.leader();
    if (target.isPresent() && !(target.get().url().equals(refusedBy)
        && System.nanoTime() - refusedAt < RETRY_SAME_MILLIS * 1_000_000)) {
      send(target.get());
    } else {
      later();
    }
  }

  private void later() {
    if (System.nanoTime() - deadline >= 0) {
      giveUp();
    } else {
      // Keep the body in the connection until it is read: the route's body handler (if this node
      // comes to decide it) or send() must still find it unread.
      if (body == null && !reading) {
        ctx.request().pause();
      }
      ctx.vertx().setTimer(POLL_MILLIS, id -> step());
    }
  }

  private void send(NodeIdentity leader) {
    if (body == null) {
      if (!reading) {
        reading = true;
        ctx.request().body().onComplete(read -> {
          if (read.failed()) {
            Call.fail(ctx, EdgeError.REQUEST_FORWARDING_FAILED.exception(write.forwardingFailed()));
          } else if (read.result().length() > forwarder.maxBodyBytes()) {
            Call.failStatus(ctx, 413);
          } else {
            body = read.result();
            send(leader);
          }
        });
        ctx.request().resume(); // the router pauses requests until a body handler reads them
      }
      return;
    }
    forwarder.forward(ctx, leader, body, () -> {
      unreachable = true;
      refused(leader);
    }, done -> answered(leader, done));
  }

  private void answered(NodeIdentity leader, AsyncResult<Forwarder.Relayed> done) {
    if (done.failed() && write.resendable()) {
      unreachable = true; // cut with no answer: the route says sending it again is harmless
      refused(leader);
    } else if (done.failed()) {
      Call.fail(ctx, EdgeError.REQUEST_FORWARDING_FAILED.exception(write.forwardingFailed()));
    } else if (notApplied(done.result())) {
      lastRefusal = done.result();
      unreachable = false;
      refused(leader);
    } else {
      Forwarder.relay(ctx, done.result());
    }
  }

  private void refused(NodeIdentity leader) {
    refusedBy = leader.url();
    refusedAt = System.nanoTime();
    later();
  }

  private void giveUp() {
    if (unreachable) {
      Call.fail(ctx, EdgeError.REQUEST_FORWARDING_FAILED.exception(write.forwardingFailed()));
    } else if (lastRefusal != null) {
      Forwarder.relay(ctx, lastRefusal);
    } else if (lastFailure != null) {
      Call.fail(ctx, lastFailure);
    } else {
      Call.fail(ctx, ErrorCode.UNKNOWN_LEADER.exception());
    }
  }

  /**
   * Called with every failure answered on a write route: true when the write was taken back to
   * be held (the caller answers nothing then). Only a write decided here, and only when the core
   * says nothing of it was stored because this node's term ended: any other failure may mean the
   * write landed, or would fail the same way on any node.
   */
  static boolean takeBack(RoutingContext ctx, Throwable failure) {
    HeldWrite held = ctx.get(KEY);
    if (held == null || !termEnded(failure)) {
      return false;
    }
    ctx.remove(KEY); // at most once per pass through this node's handler
    return held.notStoredHere(failure);
  }

  private boolean notStoredHere(Throwable failure) {
    if (forwarded) {
      // The follower holds it: it knows the client and the wait, and may learn the next leader.
      ctx.response().putHeader(NOT_APPLIED, "true");
      return false;
    }
    Buffer read = ctx.body() == null ? null : ctx.body().buffer();
    if (read == null || ctx.response().ended() || ctx.response().closed()) {
      return false;
    }
    uncount(); // not decided here any more: a hand-over need not wait for it
    body = read;
    lastFailure = failure;
    later();
    return true;
  }

  private void uncount() {
    if (counted) {
      counted = false;
      forwarder.leadership().writeDone();
    }
  }

  private static boolean termEnded(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause instanceof NotStoredException
        || cause instanceof RegistryException e && e.code() == ErrorCode.UNKNOWN_LEADER;
  }

  private static boolean notApplied(Forwarder.Relayed relayed) {
    if (relayed.answer().getHeader(NOT_APPLIED) != null) {
      return true;
    }
    int status = relayed.answer().statusCode();
    if (status != 500 && status != 503) {
      return false;
    }
    try {
      return NOT_APPLIED_CODES.contains(new JsonObject(relayed.body()).getInteger("error_code", 0));
    } catch (RuntimeException e) {
      return false; // not a registry's error answer: relay it as it is
    }
  }
}
