package dev.stele.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stele.client.RestClientException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads everything a registry holds, subject by subject, through its REST API (so any
 * Confluent-compatible registry), and streams it as {@link Dump} lines in a stable order.
 * Subjects are fetched in parallel; lines are still written in subject order.
 */
final class Exporter {
  private static final int SUBJECT_NOT_FOUND = 40401;
  private static final int NO_SUBJECT_CONFIG = 40408;
  private static final int NO_SUBJECT_MODE = 40409;

  private final RegistryRest rest;
  private final ExecutorService pool;

  Exporter(RegistryRest rest, ExecutorService pool) {
    this.rest = rest;
    this.pool = pool;
  }

  /** One subject's lines: its versions (deleted ones too), then its own config and mode. */
  private record SubjectLines(List<ObjectNode> schemas, List<ObjectNode> settings) {}

  /** Every line, header first; {@code progress} counts subjects. */
  void export(Consumer<ObjectNode> sink, Progress progress) throws IOException, RestClientException {
    sink.accept(Dump.header(rest.url()));
    List<String> contexts = contexts();
    for (String context : contexts) {
      sink.accept(Dump.line("context").put("context", context));
    }
    List<ObjectNode> settings = new ArrayList<>();
    for (SubjectLines subject : subjects(progress, true)) {
      subject.schemas().forEach(sink);
      settings.addAll(subject.settings());
    }
    settings.forEach(sink);
    for (String context : contexts) {
      if (!context.equals(".")) {
        String scope = ":" + context + ":";
        setting(sink, "config", scope, NO_SUBJECT_CONFIG);
        setting(sink, "mode", scope, NO_SUBJECT_MODE);
      }
    }
    sink.accept(Dump.setting("config", null, rest.get("/config")));
    sink.accept(Dump.setting("mode", null, rest.get("/mode")));
  }

  /** The schema lines alone, by subject and version: what import compares a target against. */
  Map<Dump.Key, ObjectNode> schemas(Progress progress) throws IOException, RestClientException {
    Map<Dump.Key, ObjectNode> all = new LinkedHashMap<>();
    for (SubjectLines subject : subjects(progress, false)) {
      subject.schemas().forEach(line -> all.put(Dump.Key.of(line), line));
    }
    return all;
  }

  private List<String> contexts() throws IOException, RestClientException {
    JsonNode answer = rest.getOptional("/contexts", 404);
    List<String> contexts = new ArrayList<>();
    // A registry without contexts (Karapace, older Confluent) has the default one only.
    (answer == null ? List.<JsonNode>of() : answer).forEach(node -> contexts.add(node.asText()));
    if (!contexts.contains(".")) {
      contexts.add(0, ".");
    }
    return contexts;
  }

  private void setting(Consumer<ObjectNode> sink, String kind, String subject, int missingCode)
      throws IOException, RestClientException {
    JsonNode answer = rest.getOptional(RegistryRest.scoped("/" + kind, subject), missingCode);
    if (answer != null) {
      sink.accept(Dump.setting(kind, subject, answer));
    }
  }

  private List<SubjectLines> subjects(Progress progress, boolean withSettings)
      throws IOException, RestClientException {
    List<String> subjects = new ArrayList<>();
    rest.get("/subjects?deleted=true").forEach(node -> subjects.add(node.asText()));
    progress.total(subjects.size());
    List<Future<SubjectLines>> pending = new ArrayList<>();
    for (String subject : subjects) {
      pending.add(pool.submit(() -> {
        SubjectLines lines = subject(subject, withSettings);
        progress.step();
        return lines;
      }));
    }
    List<SubjectLines> done = new ArrayList<>();
    for (Future<SubjectLines> future : pending) {
      done.add(Workers.await(future));
    }
    return done;
  }

  private SubjectLines subject(String subject, boolean withSettings) throws IOException, RestClientException {
    String path = "/subjects/" + RegistryRest.segment(subject) + "/versions";
    // Soft-deleted versions come back negated: one call tells which versions exist and which are deleted.
    JsonNode versions = rest.getOptional(path + "?deletedAsNegative=true", SUBJECT_NOT_FOUND);
    List<ObjectNode> schemas = new ArrayList<>();
    for (JsonNode version : versions == null ? List.<JsonNode>of() : versions) {
      int number = version.asInt();
      JsonNode answer = rest.get(path + "/" + Math.abs(number) + "?deleted=true");
      schemas.add(Dump.schema(answer, number < 0));
    }
    List<ObjectNode> settings = new ArrayList<>();
    if (withSettings) {
      setting(settings::add, "config", subject, NO_SUBJECT_CONFIG);
      setting(settings::add, "mode", subject, NO_SUBJECT_MODE);
    }
    return new SubjectLines(schemas, settings);
  }
}
