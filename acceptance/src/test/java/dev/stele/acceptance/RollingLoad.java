package dev.stele.acceptance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writers sending registrations to every instance of a list in turn, as clients configured with
 * all of a cluster's URLs do while it is rolled. Each write is a new subject with one schema, so
 * every one must succeed. Counted: acknowledged (200), failed (any other answer, or a connection
 * cut after the request was sent: it may or may not have landed), not sent (nothing listened on
 * that URL: the connection was refused, so the writer sends the same write to the next URL, as a
 * client with several URLs does), and resent (a kept-alive connection closed under the request
 * without a byte of answer; see {@link #send}). Each is counted and reported.
 */
final class RollingLoad implements AutoCloseable {
  /** One write's outcome: which instance answered, with what, after how long. */
  record Outcome(String subject, String url, int status, String body, long millis) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> urls = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
  private final List<Outcome> failed = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger notSent = new AtomicInteger();
  private final AtomicInteger resentOnClosedConnection = new AtomicInteger();
  private final AtomicLong slowestMillis = new AtomicLong();
  private final AtomicInteger next = new AtomicInteger();
  private final Duration answerTimeout;
  private volatile boolean running = true;

  /** @param answerTimeout how long a write may wait for its answer before it counts as failed */
  RollingLoad(List<String> urls, Duration answerTimeout) {
    this.urls.addAll(urls);
    this.answerTimeout = answerTimeout;
  }

  void add(String url) {
    urls.add(url);
  }

  void start(int writers) {
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Thread t = new Thread(() -> run(writer), "rolling-writer-" + w);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void run(int writer) {
    for (int n = 0; running; n++) {
      String subject = "roll-" + writer + "-" + n;
      String body = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R" + writer + "x"
          + n + "\\\",\\\"fields\\\":[]}\"}";
      send(subject, body);
    }
  }

  private void send(String subject, String body) {
    boolean resent = false;
    for (int tries = 0; tries < 50 && running; tries++) {
      String url = urls.get(Math.floorMod(next.getAndIncrement(), urls.size()));
      long started = System.nanoTime();
      try {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                URI.create(url + "/subjects/" + subject + "/versions"))
            .timeout(answerTimeout)
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        slowestMillis.accumulateAndGet(millis, Math::max);
        if (answer.statusCode() == 200) {
          acknowledged.put(subject, idOf(answer.body()));
        } else {
          failed.add(new Outcome(subject, url, answer.statusCode(), answer.body(), millis));
        }
        return;
      } catch (ConnectException e) {
        notSent.incrementAndGet(); // nothing listens there (stopped, or not started yet)
        pause();
      } catch (HttpTimeoutException e) {
        failed.add(new Outcome(subject, url, -1, e.toString(), answerTimeout.toMillis()));
        return;
      } catch (IOException e) {
        if (!resent && String.valueOf(e.getMessage()).contains("received no bytes")) {
          // A kept-alive connection the server closed (a stopping instance) as this request was
          // sent on it, without a byte of answer: resent once, as HttpURLConnection (the
          // Confluent Java client's transport) resends a request, POST included, whose reused
          // connection fails before any answer (sun.net.http.retryPost, true by default). A
          // second such failure counts as failed.
          resent = true;
          resentOnClosedConnection.incrementAndGet();
          continue;
        }
        failed.add(new Outcome(subject, url, -1, e.toString(),
            (System.nanoTime() - started) / 1_000_000));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  int acks() {
    return acknowledged.size();
  }

  /** Waits until {@code count} more writes than now have been acknowledged. */
  void awaitMoreAcks(int count, Duration max) throws InterruptedException {
    int target = acks() + count;
    long deadline = System.nanoTime() + max.toNanos();
    while (acks() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + acks() + " of " + target + " writes acknowledged in "
            + max.toSeconds() + " s; failed: " + failed());
      }
      Thread.sleep(20);
    }
  }

  Map<String, Integer> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  List<Outcome> failed() {
    synchronized (failed) {
      return List.copyOf(failed);
    }
  }

  int notSent() {
    return notSent.get();
  }

  int resentOnClosedConnection() {
    return resentOnClosedConnection.get();
  }

  long slowestMillis() {
    return slowestMillis.get();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(70_000);
    }
  }

  /** The {@code id} of a registration's answer. */
  private static int idOf(String body) throws IOException {
    return JSON.readTree(body).path("id").asInt(-1);
  }
}
