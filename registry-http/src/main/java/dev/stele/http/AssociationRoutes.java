package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Access.subject;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.Effect.writes;
import static dev.stele.http.auth.Operation.DELETE;
import static dev.stele.http.auth.Operation.READ;
import static dev.stele.http.auth.Operation.WRITE;

import dev.stele.http.auth.Caller;
import dev.stele.http.auth.Operation;
import dev.stele.http.auth.Resource;
import dev.stele.registry.Associations;
import dev.stele.registry.model.Association;
import dev.stele.registry.model.AssociationRequests;
import dev.stele.registry.model.AssociationRequests.Filter;
import dev.stele.registry.model.AssociationRequests.Info;
import dev.stele.registry.model.AssociationRequests.Upsert;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.write.AssociationChecks;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Confluent 8.x's associations of topics with subjects ({@code /associations}). Access follows
 * the subjects: a read lists only the associations whose subject the caller may read (by
 * subject: the subject's READ, answered 40401 when denied), and a write needs WRITE (DELETE for
 * a delete) on every subject it touches, the defaulted {@code :.namespace:topic-type} of a
 * STRONG association included. {@code POST /associations:batchGet} changes nothing but shares
 * its path pattern with {@code :batchMutate}, so both go to the leader as writes do.
 */
final class AssociationRoutes {
  private static final String BATCH_GET = ":batchGet";
  private static final String BATCH_MUTATE = ":batchMutate";
  private final Associations associations;

  AssociationRoutes(Associations associations) {
    this.associations = associations;
  }

  void declare(RouteTable routes) {
    routes.get("/associations/subjects/:subject", READS, subject(READ), call -> call.ok(
        AssociationRender.associations(associations.bySubject(call.path("subject"), filter(call)))));
    routes.get("/associations/resources/:namespace/:name", READS, SIGNED_IN, call -> call.ok(
        AssociationRender.associations(readable(call, associations.byResourceName(
            call.path("namespace"), call.path("name"), filter(call))))));
    routes.get("/associations/resources/:resourceId", READS, SIGNED_IN, call -> call.ok(
        AssociationRender.associations(readable(call,
            associations.byResourceId(call.path("resourceId"), filter(call))))));
    routes.post("/associations", writes("create association"), SIGNED_IN,
        call -> upsert(call, AssociationBodies.upsert(call, true, null)));
    routes.put("/associations/resources/:resourceId", writes("update association"), SIGNED_IN,
        call -> upsert(call, AssociationBodies.upsert(call, false, call.path("resourceId"))));
    routes.delete("/associations/resources/:resourceId", writes("delete association"), SIGNED_IN,
        this::delete);
    // Vert.x reads ":batchGet" after "/associations" as a path parameter: one route takes both.
    routes.post("/associations:op", writes("association batch"), SIGNED_IN, this::batch);
  }

  private static Filter filter(Call call) {
    return new Filter(call.text("resourceType"), call.all("associationType"),
        AssociationBodies.lifecycle(call.text("lifecycle")), call.integer("offset", 0),
        call.integer("limit", -1));
  }

  private static List<Association> readable(Call call, List<Association> found) {
    if (Visible.unfiltered(call)) {
      return found;
    }
    Caller caller = call.caller();
    return found.stream().filter(a -> caller.mayRead(a.subject())).toList();
  }

  private void upsert(Call call, Upsert request) {
    Upsert valid = AssociationChecks.validate(request);
    require(call, WRITE, subjects(valid));
    call.write(() -> associations.upsert(valid), AssociationRender::response);
  }

  /** Every subject a request names: given (in its context), defaulted, or stored for the resource. */
  private Set<String> subjects(Upsert u) {
    Set<String> subjects = new LinkedHashSet<>();
    String context = u.context() == null || u.context().isEmpty() ? QualifiedSubject.DEFAULT_CONTEXT
        : u.context();
    for (Info info : u.associations()) {
      if (info.subject() != null) {
        subjects.add(QualifiedSubject.qualifyWithParent(info.subject(), context));
      } else {
        subjects.add(QualifiedSubject.parse(":." + u.resourceNamespace() + ":" + u.resourceName()
            + "-" + info.associationType()).qualified());
      }
    }
    if (u.resourceId() != null) {
      for (Association a : associations.byResourceId(u.resourceId(), new Filter(u.resourceType(),
          List.of(), null, 0, -1))) {
        subjects.add(a.subject());
      }
    }
    return subjects;
  }

  private void delete(Call call) {
    AssociationRequests.Delete request = new AssociationRequests.Delete(call.path("resourceId"),
        call.text("resourceType"), call.all("associationType"), call.flag("cascadeLifecycle"),
        call.flag("dryRun"));
    Set<String> subjects = new LinkedHashSet<>();
    for (Association a : associations.byResourceId(request.resourceId(), new Filter(
        request.resourceType(), request.associationTypes(), null, 0, -1))) {
      subjects.add(a.subject());
    }
    require(call, DELETE, subjects);
    call.writeNoContent(() -> associations.delete(request));
  }

  private void batch(Call call) {
    String op = call.path("op");
    if (BATCH_GET.equals(op)) {
      boolean includeSchemas = call.flag("includeSchemas");
      List<AssociationRequests.Get> gets = AssociationBodies.batchGet(call);
      // Entries the caller may not read are left out of each answer, as in the other reads.
      call.successStatus(207);
      call.ok(AssociationRender.batch(associations.batchGet(gets, includeSchemas).stream()
          .map(r -> r.result() == null ? r : new AssociationRequests.BatchResult(null,
              readable(call, r.result())))
          .toList()));
    } else if (BATCH_MUTATE.equals(op)) {
      List<AssociationRequests.Mutation> mutations = AssociationBodies.batchMutate(call);
      Set<String> subjects = new LinkedHashSet<>();
      for (AssociationRequests.Mutation m : mutations) {
        for (AssociationRequests.Op o : m.ops()) {
          if (o.info().subject() != null) {
            subjects.add(QualifiedSubject.qualifyWithParent(o.info().subject(),
                call.text("context", QualifiedSubject.DEFAULT_CONTEXT)));
          }
        }
        if (m.resourceId() != null) {
          associations.byResourceId(m.resourceId(), new Filter(m.resourceType(), List.of(), null,
              0, -1)).forEach(a -> subjects.add(a.subject()));
        }
      }
      require(call, WRITE, subjects);
      call.successStatus(207);
      call.write(() -> associations.batchMutate(mutations, call.flag("dryRun"), call.text("context")),
          AssociationRender::batch);
    } else {
      throw EdgeError.NOT_FOUND.exception();
    }
  }

  private static AssociationRequests.Response readable(Call call,
      AssociationRequests.Response response) {
    if (Visible.unfiltered(call)) {
      return response;
    }
    Caller caller = call.caller();
    return new AssociationRequests.Response(response.resourceName(), response.resourceNamespace(),
        response.resourceId(), response.resourceType(), response.associations().stream()
            .filter(i -> caller.mayRead(i.subject())).toList());
  }

  private static void require(Call call, Operation operation, Set<String> subjects) {
    for (String subject : subjects) {
      Access.require(call.caller(), operation, Resource.subject(subject),
          ErrorCode.SUBJECT_NOT_FOUND, subject);
    }
  }
}
