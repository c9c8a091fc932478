package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Access.dek;
import static dev.stele.http.Access.kek;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.Effect.writes;
import static dev.stele.http.auth.Operation.DELETE;
import static dev.stele.http.auth.Operation.READ;
import static dev.stele.http.auth.Operation.WRITE;

import dev.stele.http.auth.Caller;
import dev.stele.http.auth.Resource;
import dev.stele.kms.DekFormat;
import dev.stele.registry.KeyRegistry;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.KeyRequests;
import dev.stele.registry.model.Keys;
import dev.stele.registry.model.Keys.Kek;
import dev.stele.registry.model.Versions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The DEK registry, {@code /dek-registry/v1/keks} (Confluent's {@code DekRegistryResource}):
 * KEKs by name and the DEKs under each, per subject and version. Access rules name a KEK as
 * {@code kek:NAME}; a DEK route needs the operation on its KEK and on its subject.
 */
final class KeyRoutes {
  static final String KEKS = "/dek-registry/v1/keks";
  private static final String KEK = KEKS + "/:name";
  private static final String DEKS = KEK + "/deks";
  private static final String DEK = DEKS + "/:subject";
  private static final String VERSION = DEK + "/versions/:version";

  private final KeyRegistry keys;

  KeyRoutes(KeyRegistry keys) {
    this.keys = keys;
  }

  void declare(RouteTable routes) {
    routes.get(KEKS, READS, SIGNED_IN, this::kekNames);
    // The name is in the body: the handler checks the caller's access once it has read it.
    routes.post(KEKS, writes("create key"), SIGNED_IN, this::createKek);
    routes.get(KEK, READS, kek(READ), call -> call.ok(KeyRender.kek(keys.kek(
        new KeyRequests.GetKek(name(call), call.flag("deleted"))))));
    routes.put(KEK, writes("update key"), kek(WRITE), this::updateKek);
    routes.delete(KEK, writes("delete key"), kek(DELETE), call -> call.writeNoContent(() ->
        keys.deleteKek(new KeyRequests.DeleteKek(name(call), call.flag("permanent")))));
    routes.post(KEK + "/undelete", writes("undelete key"), kek(WRITE), call -> call.writeNoContent(
        () -> keys.undeleteKek(new KeyRequests.UndeleteKek(name(call)))));
    routes.post(KEK + "/test", READS, kek(READ), call -> call.write(
        () -> keys.testKek(name(call)), KeyRender::kek));

    routes.get(DEKS, READS, kek(READ), call -> call.ok(Render.strings(visibleSubjects(call,
        keys.dekSubjects(new KeyRequests.ListDekSubjects(name(call), call.flag("deleted")))))));
    routes.post(DEKS, writes("create key"), dek(WRITE), this::createDek);
    routes.get(DEK, READS, dek(READ), call -> call.write(() -> keys.dek(new KeyRequests.GetDek(
        name(call), subject(call), Versions.LATEST, algorithm(call), call.flag("deleted"))),
        KeyRender::dek));
    routes.delete(DEK, writes("delete key"), dek(DELETE), call -> call.writeNoContent(() ->
        keys.deleteDek(new KeyRequests.DeleteDek(name(call), subject(call), null, algorithm(call),
            call.flag("permanent")))));
    routes.post(DEK + "/undelete", writes("undelete key"), dek(WRITE), call -> call.writeNoContent(
        () -> keys.undeleteDek(new KeyRequests.UndeleteDek(name(call), subject(call), null,
            algorithm(call)))));
    routes.get(DEK + "/versions", READS, dek(READ), call -> call.ok(Render.integers(
        keys.dekVersions(new KeyRequests.ListDekVersions(name(call), subject(call),
            algorithm(call), call.flag("deleted"))))));
    routes.get(VERSION, READS, dek(READ), call -> call.write(() -> keys.dek(new KeyRequests.GetDek(
        name(call), subject(call), version(call), algorithm(call), call.flag("deleted"))),
        KeyRender::dek));
    routes.delete(VERSION, writes("delete key version"), dek(DELETE), call -> call.writeNoContent(
        () -> keys.deleteDek(new KeyRequests.DeleteDek(name(call), subject(call), version(call),
            algorithm(call), call.flag("permanent")))));
    routes.post(VERSION + "/undelete", writes("undelete key version"), dek(WRITE), call ->
        call.writeNoContent(() -> keys.undeleteDek(new KeyRequests.UndeleteDek(name(call),
            subject(call), version(call), algorithm(call)))));
  }

  /** The KEKs the caller may read, by name; {@code subjectPrefix} (Confluent's name) filters names. */
  private void kekNames(Call call) {
    String prefix = call.text("subjectPrefix", "");
    Caller caller = call.caller();
    List<String> names = keys.kekNames(new KeyRequests.ListKeks(call.flag("deleted"))).stream()
        .filter(n -> n.startsWith(prefix))
        .filter(n -> caller.policy().isOpen() || caller.may(READ, Resource.kek(n)))
        .toList();
    call.ok(Render.strings(page(names, call.integer("offset", 0), call.integer("limit", -1))));
  }

  private void createKek(Call call) {
    KeyBodies.CreateKekRequest body = KeyBodies.createKek(call.body());
    call.auditKey(body.name(), null);
    Access.require(call.caller(), WRITE, Resource.kek(body.name()), ErrorCode.KEY_NOT_FOUND, body.name());
    KeyRequests.CreateKek request = new KeyRequests.CreateKek(body.name(), body.kmsType(),
        body.kmsKeyId(), body.kmsProps(), body.doc(), Boolean.TRUE.equals(body.shared()),
        Boolean.TRUE.equals(body.deleted()));
    boolean test = call.flag("testSharing") && request.shared();
    call.write(() -> (test ? keys.testKms(request.kmsType(), request.kmsKeyId(), request.kmsProps())
        : CompletableFuture.<Void>completedFuture(null))
        .thenCompose(tested -> keys.createKek(request)), KeyRender::kek);
  }

  private void updateKek(Call call) {
    String name = name(call);
    KeyBodies.UpdateKekRequest body = KeyBodies.updateKek(call.body());
    KeyRequests.UpdateKek request = new KeyRequests.UpdateKek(name, body.kmsProps(), body.doc(),
        body.shared());
    CompletionStage<Void> tested = CompletableFuture.completedFuture(null);
    if (call.flag("testSharing")) {
      // The KEK as the update would leave it, tested before anything is written.
      Kek now = keys.kek(new KeyRequests.GetKek(name, false));
      if (body.shared() == null ? now.shared() : body.shared()) {
        tested = keys.testKms(now.kmsType(), now.kmsKeyId(), body.kmsProps() == null
            ? now.kmsProps() : Keys.mergeSecrets(body.kmsProps(), now.kmsProps()));
      }
    }
    CompletionStage<Void> first = tested;
    call.write(() -> first.thenCompose(ok -> keys.updateKek(request)), KeyRender::kek);
  }

  private void createDek(Call call) {
    String kekName = name(call);
    KeyBodies.CreateDekRequest body = KeyBodies.createDek(call.body());
    call.auditKey(kekName, body.subject());
    Access.require(call.caller(), WRITE, Resource.subject(body.subject()), ErrorCode.KEY_NOT_FOUND,
        body.subject());
    KeyRequests.CreateDek request = new KeyRequests.CreateDek(kekName, body.subject(),
        body.version(), KeyBodies.algorithm(body.algorithm()), body.encryptedKeyMaterial(),
        Boolean.TRUE.equals(body.deleted()));
    call.write(() -> keys.createDek(request), KeyRender::dek);
  }

  /** Subjects under a KEK that the caller may read (a rule on the KEK alone shows them all). */
  private static List<String> visibleSubjects(Call call, List<String> subjects) {
    Caller caller = call.caller();
    return caller.policy().isOpen() ? subjects
        : subjects.stream().filter(caller::mayRead).toList();
  }

  private static List<String> page(List<String> all, int offset, int limit) {
    int from = Math.min(Math.max(offset, 0), all.size());
    int to = limit < 0 ? all.size() : Math.min(all.size(), from + limit);
    return all.subList(from, to);
  }

  private static String name(Call call) {
    return KeyBodies.checkName(call.path("name"));
  }

  private static String subject(Call call) {
    return KeyBodies.checkSubject(call.path("subject"));
  }

  private static int version(Call call) {
    return Versions.parse(call.path("version"));
  }

  private static DekFormat algorithm(Call call) {
    return KeyBodies.algorithm(call.text("algorithm"));
  }
}
