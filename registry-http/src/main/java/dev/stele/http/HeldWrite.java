package dev.stele.http;

import dev.stele.registry.cluster.Leadership;
import dev.stele.registry.cluster.NodeIdentity;
import dev.stele.registry.model.ErrorCode;
import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * One write on its way to the node that decides it, waiting while no node can: no leader is
 * known (this node has just joined, an election is under way, the leader is handing over), this
 * node is elected but still taking the log over, the leader cannot be reached, or it answered
 * that it does not lead or is stopping (50004, 50302: nothing was applied, so sending again is
 * safe). It looks again every {@link #POLL_MILLIS} until {@link Leadership#leaderWait} has passed,
 * then answers the last refusal, 50003 if the leader stayed unreachable, or 50004. A write whose
 * forwarding failed after it may have reached the leader is answered 50003 at once: sending it
 * again could apply it twice.
 *
 * <p>Assumption: every step runs on the request's event loop (its timers and its HTTP client
 * callbacks), so the fields need no locks.
 */
final class HeldWrite {
  private static final long POLL_MILLIS = 25;
  /** Before asking a leader that refused again: it is most likely in the middle of a move. */
  private static final long RETRY_SAME_MILLIS = 200;
  /** Answers that say the write was not applied: from a node that no longer leads, or stopping. */
  private static final Set<Integer> NOT_APPLIED = Set.of(50004, 50302);

  private final Forwarder forwarder;
  private final RoutingContext ctx;
  private final String failed;
  private final long deadline;
  private final boolean forwarded;
  private Buffer body; // read once the write has to travel
  private boolean reading;
  private String refusedBy; // the URL of the last leader that refused or could not be reached
  private long refusedAt;
  private Forwarder.Relayed lastRefusal;
  private boolean unreachable;

  /** @param forwarded sent by a follower: decided here or refused, never sent on */
  HeldWrite(Forwarder forwarder, RoutingContext ctx, String failed, long deadline,
      boolean forwarded) {
    this.forwarder = forwarder;
    this.ctx = ctx;
    this.failed = failed;
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
      ctx.addEndHandler(v -> leadership.writeDone());
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
            Call.fail(ctx, EdgeError.REQUEST_FORWARDING_FAILED.exception(failed));
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
    if (done.failed()) {
      Call.fail(ctx, EdgeError.REQUEST_FORWARDING_FAILED.exception(failed));
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
      Call.fail(ctx, EdgeError.REQUEST_FORWARDING_FAILED.exception(failed));
    } else if (lastRefusal != null) {
      Forwarder.relay(ctx, lastRefusal);
    } else {
      Call.fail(ctx, ErrorCode.UNKNOWN_LEADER.exception());
    }
  }

  private static boolean notApplied(Forwarder.Relayed relayed) {
    int status = relayed.answer().statusCode();
    if (status != 500 && status != 503) {
      return false;
    }
    try {
      return NOT_APPLIED.contains(new JsonObject(relayed.body()).getInteger("error_code", 0));
    } catch (RuntimeException e) {
      return false; // not a registry's error answer: relay it as it is
    }
  }
}
