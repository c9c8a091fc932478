package dev.stele.http;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.stele.http.RequestTypes.RegisterSchemaRequest;
import dev.stele.registry.model.Association.Lifecycle;
import dev.stele.registry.model.AssociationRequests;
import dev.stele.registry.model.AssociationRequests.Filter;
import dev.stele.registry.model.AssociationRequests.Info;
import dev.stele.registry.model.AssociationRequests.Op;
import dev.stele.registry.model.AssociationRequests.OpType;
import dev.stele.registry.model.AssociationRequests.SchemaFilter;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.write.AssociationChecks;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The request bodies of Confluent 8.x's associations API ({@code AssociationCreateOrUpdateRequest},
 * {@code AssociationBatchGetRequest}, {@code AssociationBatchRequest}) and their parsing into the
 * core's requests. A lifecycle or operation type that is not one of Confluent's is 42212 naming
 * the property.
 */
final class AssociationBodies {
  record InfoBody(String subject, String associationType, String lifecycle, Boolean frozen,
      RegisterSchemaRequest schema, Boolean normalize) {}

  record UpsertBody(String resourceName, String resourceNamespace, String resourceId,
      String resourceType, List<InfoBody> associations) {}

  record GetBody(String resourceName, String resourceNamespace, String resourceId,
      String resourceType, List<String> associationTypes, String lifecycle) {}

  record BatchGetBody(List<GetBody> requests) {}

  record OpBody(String opType, String subject, String associationType, String lifecycle,
      Boolean frozen, RegisterSchemaRequest schema, Boolean normalize, Boolean cascadeLifecycle) {}

  record OpRequestBody(String resourceName, String resourceNamespace, String resourceId,
      String resourceType, List<OpBody> associations) {}

  record BatchMutateBody(List<OpRequestBody> requests) {}

  private static final ObjectReader UPSERT = Json.MAPPER.readerFor(UpsertBody.class);
  private static final ObjectReader BATCH_GET = Json.MAPPER.readerFor(BatchGetBody.class);
  private static final ObjectReader BATCH_MUTATE = Json.MAPPER.readerFor(BatchMutateBody.class);

  private AssociationBodies() {}

  static AssociationRequests.Upsert upsert(Call call, boolean create, String pathResourceId) {
    UpsertBody body = RequestBodies.required(RequestBodies.read(UPSERT, call.body()));
    String resourceId = body.resourceId();
    if (pathResourceId != null) {
      if (resourceId == null) {
        resourceId = pathResourceId;
      } else if (!resourceId.equals(pathResourceId)) {
        throw AssociationChecks.invalid("resourceId",
            "Resource ID in the path parameter does not match the one in the request body");
      }
    }
    List<Info> infos = null;
    if (body.associations() != null) {
      infos = new ArrayList<>();
      for (InfoBody info : body.associations()) {
        if (info == null) {
          throw AssociationChecks.invalid("associations", "cannot hold null");
        }
        infos.add(info(call, info.subject(), info.associationType(), info.lifecycle(),
            info.frozen(), info.schema(), info.normalize()));
      }
    }
    return new AssociationRequests.Upsert(create, call.flag("dryRun"), call.text("context"),
        body.resourceName(), body.resourceNamespace(), resourceId, body.resourceType(), infos);
  }

  private static Info info(Call call, String subject, String type, String lifecycle,
      Boolean frozen, RegisterSchemaRequest schema, Boolean normalize) {
    return new Info(subject, type, lifecycle(lifecycle), frozen,
        schema == null ? null : call.payload(subject == null ? "" : subject, schema),
        Boolean.TRUE.equals(normalize));
  }

  static List<AssociationRequests.Get> batchGet(Call call) {
    BatchGetBody body = RequestBodies.required(RequestBodies.read(BATCH_GET, call.body()));
    List<AssociationRequests.Get> gets = new ArrayList<>();
    for (GetBody get : requests(body.requests())) {
      gets.add(new AssociationRequests.Get(get.resourceName(), get.resourceNamespace(),
          get.resourceId(), new Filter(get.resourceType(), get.associationTypes(),
              lifecycle(get.lifecycle()), 0, -1)));
    }
    return gets;
  }

  static List<AssociationRequests.Mutation> batchMutate(Call call) {
    BatchMutateBody body = RequestBodies.required(RequestBodies.read(BATCH_MUTATE, call.body()));
    List<AssociationRequests.Mutation> mutations = new ArrayList<>();
    for (OpRequestBody request : requests(body.requests())) {
      List<Op> ops = new ArrayList<>();
      RegistryException error = null;
      try {
        if (request.associations() == null || request.associations().isEmpty()) {
          throw AssociationChecks.invalid("associations", "cannot be null or empty");
        }
        for (OpBody op : request.associations()) {
          ops.add(new Op(opType(op), info(call, op.subject(), op.associationType(),
              op.lifecycle(), op.frozen(), op.schema(), op.normalize()),
              Boolean.TRUE.equals(op.cascadeLifecycle())));
        }
      } catch (RegistryException e) {
        error = e;
        ops = List.of();
      }
      mutations.add(new AssociationRequests.Mutation(request.resourceName(),
          request.resourceNamespace(), request.resourceId(), request.resourceType(), ops, error));
    }
    return mutations;
  }

  /** A batch's entries: at least one, none null. */
  private static <T> List<T> requests(List<T> requests) {
    if (requests == null || requests.isEmpty()) {
      throw AssociationChecks.invalid("requests", "cannot be null or empty");
    }
    if (requests.contains(null)) {
      throw AssociationChecks.invalid("requests", "cannot hold null");
    }
    return requests;
  }

  private static OpType opType(OpBody op) {
    if (op == null || op.opType() == null) {
      throw AssociationChecks.invalid("opType", "must be one of CREATE, UPSERT, DELETE");
    }
    try {
      return OpType.valueOf(op.opType().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AssociationChecks.invalid("opType", "must be one of CREATE, UPSERT, DELETE");
    }
  }

  /**
   * {@code GET /schemas}'s {@code resourceType}, {@code associationType} (repeated) and
   * {@code lifecycle} (repeated: STRONG, WEAK, or NONE for subjects without association).
   */
  static SchemaFilter schemaFilter(Call call) {
    Set<Lifecycle> lifecycles = EnumSet.noneOf(Lifecycle.class);
    boolean unassociated = false;
    for (String text : call.all("lifecycle")) {
      if (text.equalsIgnoreCase("NONE")) {
        unassociated = true;
      } else if (!text.isEmpty()) {
        lifecycles.add(lifecycle(text, "must be STRONG, WEAK or NONE"));
      }
    }
    return new SchemaFilter(call.text("resourceType"), call.all("associationType"), lifecycles,
        unassociated);
  }

  /** STRONG or WEAK (any case); null when absent. */
  static Lifecycle lifecycle(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return lifecycle(text, "must be STRONG or WEAK");
  }

  private static Lifecycle lifecycle(String text, String allowed) {
    try {
      return Lifecycle.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AssociationChecks.invalid("lifecycle", allowed);
    }
  }
}
