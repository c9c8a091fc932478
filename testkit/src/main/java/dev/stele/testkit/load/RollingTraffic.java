package dev.stele.testkit.load;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients of a cluster while it is rolled: readers and writers sending each request to the
 * next instance of a list in turn, as clients configured with every URL of a cluster do.
 *
 * <p>Writers register a new subject with one schema per request, so every write must succeed.
 * Readers ask for seeds, schemas registered before the traffic starts and known to every
 * instance: {@code GET /schemas/ids/{id}} must answer the seed's schema and
 * {@code GET /subjects/{seed}/versions/latest} its id as version 1. (Reading a write just
 * acknowledged by another instance could meet replication lag, which no registry promises
 * away.)
 *
 * <p>Each request ends in exactly one of: acknowledged (the right answer); failed (any other
 * answer, a timeout, or a connection cut after the request was sent, which may or may not have
 * landed). Along the way it may be not sent (the connection was refused: nothing listens there,
 * so the same request goes to the next instance, as a client with several URLs does) and resent
 * once (a kept-alive connection closed under it without a byte of answer, which
 * {@code HttpURLConnection}, the Confluent Java client's transport, resends for every method, on a
 * new connection; here the resend goes to another instance, where that new connection would end
 * up once the closing instance's listener refuses it; a second such cut fails).
 */
public final class RollingTraffic implements AutoCloseable {
  /** A request that did not get the right answer: its instance, status (-1: none) and body. */
  public record Failure(String request, String url, int status, String body, long millis) {}

  /** What one kind of request came to. */
  public record Tally(int acknowledged, int failed, int notSent, int resent) {
    @Override
    public String toString() {
      return acknowledged + " acknowledged, " + failed + " failed, " + notSent + " not sent, "
          + resent + " resent";
    }
  }

  private record Seed(String subject, int id, String schema) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final List<String> urls = new CopyOnWriteArrayList<>();
  private final String prefix;
  private final Duration answerTimeout;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Seed> seeds = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
  private final Kind reads = new Kind();
  private final Kind writes = new Kind();
  private final AtomicLong slowestMillis = new AtomicLong();
  private volatile boolean running = true;

  /** The counters of one kind of request. */
  private static final class Kind {
    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicInteger notSent = new AtomicInteger();
    final AtomicInteger resent = new AtomicInteger();
    final List<Failure> failed = new CopyOnWriteArrayList<>();

    Tally tally() {
      return new Tally(acknowledged.get(), failed.size(), notSent.get(), resent.get());
    }
  }

  /**
   * @param prefix starts every subject this traffic registers (seeds and writes), so runs on
   *     one cluster do not meet
   * @param answerTimeout how long a request may wait for its answer before it counts as failed
   */
  public RollingTraffic(List<String> urls, String prefix, Duration answerTimeout) {
    this.urls.addAll(urls);
    this.prefix = prefix;
    this.answerTimeout = answerTimeout;
  }

  /** One more instance to send to, from now on. */
  public void add(String url) {
    urls.add(url);
  }

  /**
   * Registers {@code count} seeds through the first instance and reads each back by id there;
   * call before {@link #start} (with readers) on a cluster that is ready.
   */
  public void seed(int count) throws IOException, InterruptedException {
    String url = urls.get(0);
    for (int k = 0; k < count; k++) {
      String subject = prefix + "-seed-" + k;
      HttpResponse<String> r = client.send(register(url, subject, schema("Seed" + k)),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("seed " + subject + " on " + url + ": " + r.statusCode() + " "
            + r.body());
      }
      int id = JSON.readTree(r.body()).path("id").asInt();
      HttpResponse<String> byId = client.send(HttpRequest.newBuilder(
          URI.create(url + "/schemas/ids/" + id)).GET().build(), HttpResponse.BodyHandlers.ofString());
      seeds.add(new Seed(subject, id, JSON.readTree(byId.body()).path("schema").asText()));
    }
  }

  /** Starts the threads; readers read the seeds, so {@link #seed} first when there are any. */
  public void start(int writers, int readers) {
    if (readers > 0 && seeds.isEmpty()) {
      throw new IllegalStateException("readers need seeds: call seed() first");
    }
    for (int w = 0; w < writers; w++) {
      int writer = w;
      spawn("rolling-writer-" + w, () -> {
        for (int n = 0; running; n++) {
          write(prefix + "-" + writer + "-" + n, "W" + writer + "x" + n);
        }
      });
    }
    for (int r = 0; r < readers; r++) {
      spawn("rolling-reader-" + r, () -> {
        while (running) {
          read(seeds.get(ThreadLocalRandom.current().nextInt(seeds.size())));
        }
      });
    }
  }

  private void spawn(String name, Runnable loop) {
    Thread thread = new Thread(loop, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  private void write(String subject, String name) {
    String body = schema(name);
    send(writes, "POST " + subject, url -> register(url, subject, body), answer -> {
      if (answer.statusCode() != 200) {
        return false;
      }
      int id = JSON.readTree(answer.body()).path("id").asInt(-1);
      acknowledged.put(subject, id);
      return id > 0;
    });
  }

  private void read(Seed seed) {
    if (ThreadLocalRandom.current().nextBoolean()) {
      send(reads, "GET /schemas/ids/" + seed.id(), url -> get(url + "/schemas/ids/" + seed.id()),
          answer -> answer.statusCode() == 200
              && seed.schema().equals(JSON.readTree(answer.body()).path("schema").asText()));
    } else {
      String path = "/subjects/" + seed.subject() + "/versions/latest";
      send(reads, "GET " + path, url -> get(url + path), answer -> {
        if (answer.statusCode() != 200) {
          return false;
        }
        JsonNode version = JSON.readTree(answer.body());
        return version.path("id").asInt() == seed.id() && version.path("version").asInt() == 1;
      });
    }
  }

  private interface Judge {
    boolean right(HttpResponse<String> answer) throws IOException;
  }

  private interface Build {
    HttpRequest request(String url);
  }

  /** Sends until one instance answers (refused connections move on); counts the outcome. */
  private void send(Kind kind, String what, Build build, Judge judge) {
    boolean resent = false;
    String cutOn = null;
    while (running) {
      String url = urls.get(Math.floorMod(next.getAndIncrement(), urls.size()));
      if (url.equals(cutOn) && urls.size() > 1) {
        // HttpURLConnection resends on a new connection, which a stopped listener refuses, and
        // Confluent's client then tries its next URL; the JDK client here might hand the resend
        // another kept-alive connection to the instance that is closing them all.
        url = urls.get(Math.floorMod(next.getAndIncrement(), urls.size()));
      }
      long started = System.nanoTime();
      try {
        HttpResponse<String> answer = client.send(build.request(url),
            HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        slowestMillis.accumulateAndGet(millis, Math::max);
        if (judge.right(answer)) {
          kind.acknowledged.incrementAndGet();
        } else {
          kind.failed.add(new Failure(what, url, answer.statusCode(), answer.body(), millis));
        }
        return;
      } catch (ConnectException e) {
        kind.notSent.incrementAndGet(); // nothing listens there (stopped, or not back yet)
        pause();
      } catch (HttpTimeoutException e) {
        kind.failed.add(new Failure(what, url, -1, e.toString(), answerTimeout.toMillis()));
        return;
      } catch (IOException e) {
        if (!resent && String.valueOf(e.getMessage()).contains("received no bytes")) {
          resent = true; // see the class comment: a client's transport resends this once
          cutOn = url;
          kind.resent.incrementAndGet();
          continue;
        }
        kind.failed.add(new Failure(what, url, -1, e.toString(),
            (System.nanoTime() - started) / 1_000_000));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private HttpRequest register(String url, String subject, String body) {
    return HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject + "/versions"))
        .timeout(answerTimeout).header("Content-Type", CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(answerTimeout).GET().build();
  }

  /** A registration body: an empty record named {@code name}, new to the registry. */
  private static String schema(String name) {
    return "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"" + name
        + "\\\",\\\"fields\\\":[]}\"}";
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Tally reads() {
    return reads.tally();
  }

  public Tally writes() {
    return writes.tally();
  }

  public List<Failure> failedReads() {
    return List.copyOf(reads.failed);
  }

  public List<Failure> failedWrites() {
    return List.copyOf(writes.failed);
  }

  /** Acknowledged writes: subject → the id answered. */
  public Map<String, Integer> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  public long slowestMillis() {
    return slowestMillis.get();
  }

  /** Waits until {@code count} more writes than now are acknowledged, at most {@code max}. */
  public void awaitMoreWrites(int count, Duration max) throws InterruptedException {
    int target = writes.acknowledged.get() + count;
    long deadline = System.nanoTime() + max.toNanos();
    while (writes.acknowledged.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + writes.acknowledged.get() + " of " + target
            + " writes acknowledged in " + max.toSeconds() + " s; failed: " + failedWrites());
      }
      Thread.sleep(20);
    }
  }

  /**
   * Acknowledged writes that {@code url} does not hold with the id they were answered with
   * ("subject: acknowledged id, found id"), from its listing of every version; waits for it to
   * apply the last records (up to {@code within}) before it reports any.
   */
  public List<String> lostOn(String url, Duration within) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Map<String, Integer> stored = stored(url);
      List<String> lost = new ArrayList<>();
      acknowledged().forEach((subject, id) -> {
        Integer found = stored.get(subject);
        if (!id.equals(found)) {
          lost.add(subject + ": acknowledged id " + id + ", found " + found);
        }
      });
      if (lost.isEmpty() || System.nanoTime() > deadline) {
        return lost;
      }
      Thread.sleep(200);
    }
  }

  /** Subject → id of version 1, for every subject of this traffic on {@code url}. */
  private Map<String, Integer> stored(String url) throws IOException, InterruptedException {
    Map<String, Integer> stored = new ConcurrentHashMap<>();
    for (int offset = 0; ; offset += 500) {
      HttpResponse<String> page = client.send(get(url + "/schemas?subjectPrefix=" + prefix
          + "&limit=500&offset=" + offset), HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() != 200) {
        throw new IOException("GET /schemas on " + url + ": " + page.statusCode() + " "
            + page.body());
      }
      JsonNode entries = JSON.readTree(page.body());
      entries.forEach(e -> stored.put(e.path("subject").asText(), e.path("id").asInt()));
      if (entries.size() < 500) {
        return stored;
      }
    }
  }

  /** Stops the threads (each finishes its request) and waits for them. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(answerTimeout.toMillis() + 10_000);
    }
  }
}
