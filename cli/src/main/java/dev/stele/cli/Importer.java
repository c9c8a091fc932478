package dev.stele.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.RestClientException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes an export into a registry with every id and version kept: IMPORT mode on (forced, as
 * the target may hold schemas already), each version registered with its id and version, then
 * configs and modes restored. What the target already holds identically is skipped, so running
 * it again finishes an interrupted import and changes nothing after a complete one; a version
 * held under another id is a conflict and stops the import.
 */
final class Importer {
  private final RegistryRest rest;
  private final ExecutorService pool;

  Importer(RegistryRest rest, ExecutorService pool) {
    this.rest = rest;
    this.pool = pool;
  }

  /** What an import did. */
  record Counts(int imported, int skipped, int deleted) {}

  Counts run(List<ObjectNode> lines, Progress scan, Progress progress) throws IOException, RestClientException {
    List<ObjectNode> schemas = of(lines, "schema");
    Map<Dump.Key, ObjectNode> existing = new Exporter(rest, pool).schemas(scan);
    List<String> contexts = new ArrayList<>();
    of(lines, "context").forEach(line -> contexts.add(line.path("context").asText()));
    if (!contexts.contains(".")) {
      contexts.add(".");
    }
    for (String context : contexts) {
      putMode(scope(context), "IMPORT");
    }
    progress.total(schemas.size());
    AtomicInteger imported = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    AtomicInteger deleted = new AtomicInteger();
    for (Map<String, List<ObjectNode>> wave : waves(schemas).values()) {
      List<Future<Void>> pending = new ArrayList<>();
      for (List<ObjectNode> versions : wave.values()) {
        // A subject's versions in order on one thread; subjects side by side.
        pending.add(pool.submit(() -> {
          for (ObjectNode line : versions) {
            Outcome outcome = importOne(line, existing.get(Dump.Key.of(line)));
            (outcome == Outcome.SKIPPED ? skipped : imported).incrementAndGet();
            if (line.path("deleted").asBoolean() && outcome != Outcome.SKIPPED) {
              deleted.incrementAndGet();
            }
            progress.step();
          }
          return null;
        }));
      }
      for (Future<Void> future : pending) {
        Workers.await(future);
      }
    }
    restoreSettings(lines, contexts);
    return new Counts(imported.get(), skipped.get(), deleted.get());
  }

  private enum Outcome { IMPORTED, SKIPPED, DELETED }

  private Outcome importOne(ObjectNode line, ObjectNode there) throws IOException, RestClientException {
    Dump.Key key = Dump.Key.of(line);
    int id = line.path("id").asInt();
    boolean deleted = line.path("deleted").asBoolean();
    String versionPath = "/subjects/" + RegistryRest.segment(key.subject()) + "/versions";
    if (there != null) {
      if (there.path("id").asInt() != id) {
        throw new ImportConflictException(key + " already holds id " + there.path("id").asInt()
            + " on the target; the export has id " + id + ". Nothing was overwritten.");
      }
      if (deleted && !there.path("deleted").asBoolean()) {
        rest.delete(versionPath + "/" + key.version());
        return Outcome.DELETED;
      }
      return Outcome.SKIPPED;
    }
    ObjectNode body = Dump.MAPPER.createObjectNode();
    for (String field : new String[] {"schema", "schemaType", "references", "metadata", "ruleSet"}) {
      if (line.hasNonNull(field)) {
        body.set(field, line.get(field));
      }
    }
    body.put("id", id).put("version", key.version());
    JsonNode answer;
    try {
      answer = rest.post(versionPath, body);
    } catch (RestClientException e) {
      if (e.errorCode() == 42205 || e.errorCode() == 42207) {
        throw new ImportConflictException(key + " (id " + id + ") cannot be imported: " + e.getMessage());
      }
      throw e;
    }
    if (answer.path("id").asInt(id) != id) {
      throw new ImportConflictException(key + ": the target gave id " + answer.path("id").asInt()
          + " instead of " + id + " (it holds this schema under another id)");
    }
    if (deleted) {
      rest.delete(versionPath + "/" + key.version());
    }
    return Outcome.IMPORTED;
  }

  /**
   * The schema lines in waves that respect references: a version comes in a later wave than every
   * version it references that the export holds, then grouped by subject in version order.
   */
  static TreeMap<Integer, Map<String, List<ObjectNode>>> waves(List<ObjectNode> schemas) {
    Map<Dump.Key, ObjectNode> byKey = new HashMap<>();
    schemas.forEach(line -> byKey.put(Dump.Key.of(line), line));
    Map<Dump.Key, Integer> depths = new HashMap<>();
    TreeMap<Integer, Map<String, List<ObjectNode>>> waves = new TreeMap<>();
    for (ObjectNode line : schemas) {
      int depth = depth(Dump.Key.of(line), byKey, depths, 0);
      waves.computeIfAbsent(depth, d -> new LinkedHashMap<>())
          .computeIfAbsent(line.path("subject").asText(), s -> new ArrayList<>()).add(line);
    }
    waves.values().forEach(wave -> wave.values().forEach(versions ->
        versions.sort((a, b) -> Integer.compare(a.path("version").asInt(), b.path("version").asInt()))));
    return waves;
  }

  private static int depth(Dump.Key key, Map<Dump.Key, ObjectNode> byKey, Map<Dump.Key, Integer> depths,
      int guard) {
    Integer known = depths.get(key);
    if (known != null) {
      return known;
    }
    ObjectNode line = byKey.get(key);
    if (line == null || guard > byKey.size()) {
      return -1;
    }
    int depth = 0;
    for (JsonNode ref : line.path("references")) {
      Dump.Key target = new Dump.Key(qualified(ref.path("subject").asText(), key.subject()),
          ref.path("version").asInt());
      depth = Math.max(depth, depth(target, byKey, depths, guard + 1) + 1);
    }
    depths.put(key, depth);
    return depth;
  }

  /** A reference's subject is in its referrer's context unless it names one (API.md §2.5). */
  private static String qualified(String subject, String referrer) {
    if (subject.startsWith(":.") || !referrer.startsWith(":.")) {
      return subject;
    }
    return referrer.substring(0, referrer.indexOf(':', 1) + 1) + subject;
  }

  /** Configs first (a READONLY mode would refuse them), then subject modes, then context and global. */
  private void restoreSettings(List<ObjectNode> lines, List<String> contexts) throws IOException, RestClientException {
    for (ObjectNode line : of(lines, "config")) {
      ObjectNode body = ((ObjectNode) line.get("config")).deepCopy();
      // GET answers compatibilityLevel, PUT takes compatibility (API.md §8.1).
      JsonNode level = body.remove("compatibilityLevel");
      if (level != null) {
        body.set("compatibility", level);
      }
      rest.put(RegistryRest.scoped("/config", subject(line)), body);
    }
    Map<String, String> modes = new LinkedHashMap<>();
    of(lines, "mode").forEach(line -> modes.put(subject(line), line.path("mode").path("mode").asText()));
    for (Map.Entry<String, String> mode : modes.entrySet()) {
      if (mode.getKey() != null && !isContext(mode.getKey())) {
        putMode(mode.getKey(), mode.getValue());
      }
    }
    for (String context : contexts) {
      String scope = scope(context);
      if (modes.containsKey(scope)) {
        putMode(scope, modes.get(scope));
      } else if (scope != null) {
        deleteMode(scope);
      }
    }
    if (modes.containsKey(null)) {
      putMode(null, modes.get(null));
    }
  }

  private void putMode(String scope, String mode) throws IOException, RestClientException {
    rest.put(RegistryRest.scoped("/mode", scope) + "?force=true", Dump.MAPPER.createObjectNode().put("mode", mode));
  }

  /** Takes back the IMPORT mode this import set on a context the export had no mode for. */
  private void deleteMode(String scope) throws IOException, RestClientException {
    try {
      rest.delete("/mode/" + RegistryRest.segment(scope));
    } catch (RestClientException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  private static String scope(String context) {
    return context.equals(".") ? null : ":" + context + ":";
  }

  private static boolean isContext(String subject) {
    return subject.startsWith(":.") && subject.endsWith(":") && subject.length() > 2;
  }

  private static String subject(JsonNode line) {
    return line.hasNonNull("subject") ? line.get("subject").asText() : null;
  }

  static List<ObjectNode> of(List<ObjectNode> lines, String kind) {
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode line : lines) {
      if (Dump.kind(line).equals(kind)) {
        found.add(line);
      }
    }
    return found;
  }
}
