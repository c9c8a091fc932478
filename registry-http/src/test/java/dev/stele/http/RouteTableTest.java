package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.Effect.writes;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.cluster.Leadership;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Declarations that contradict HTTP's method semantics are refused when the routes are built. */
class RouteTableTest {
  private static final RouteTable.Handler NOTHING = call -> { };
  private Vertx vertx;
  private RouteTable routes;

  @BeforeEach
  void table() {
    vertx = Vertx.vertx();
    Forwarder forwarder = new Forwarder(vertx, Leadership.ALONE, 1024, 1000, null);
    routes = new RouteTable(Router.router(vertx), false, forwarder, RestOptions.loopback());
  }

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void aGetCannotWrite() {
    assertThatThrownBy(() -> routes.get("/x", writes("x"), SIGNED_IN, NOTHING))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("GET /x declared as a write (x)");
  }

  @Test
  void putAndDeleteCannotRead() {
    assertThatThrownBy(() -> routes.put("/x", READS, SIGNED_IN, NOTHING))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("PUT /x declared as a read");
    assertThatThrownBy(() -> routes.delete("/x", READS, SIGNED_IN, NOTHING))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DELETE /x");
  }

  @Test
  void aPostMayDoEither() {
    assertThatCode(() -> {
      routes.post("/lookup", READS, SIGNED_IN, NOTHING);
      routes.post("/register", writes("register schema"), SIGNED_IN, NOTHING);
    }).doesNotThrowAnyException();
  }

  @Test
  void aWriteNeedsAName() {
    assertThatThrownBy(() -> writes(null)).isInstanceOf(NullPointerException.class);
  }
}
