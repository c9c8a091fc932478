package dev.stele.http;

import dev.stele.http.auth.Caller;
import dev.stele.registry.Registry;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.QualifiedSubject;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Listings as the caller may see them: only what it may read. A caller that reads every subject
 * (and every caller of a server without authentication) gets the registry's answer untouched;
 * others get the full listing filtered, then paged with the request's offset and limit, so that
 * pages hold readable entries only.
 */
final class Visible {
  /** The registry's largest page (schema searches cap at 1000); filtered listings ask for this. */
  private static final int ALL = Integer.MAX_VALUE;

  private Visible() {}

  static boolean unfiltered(Call call) {
    return call.caller().readsEverySubject();
  }

  /**
   * Filters an unpaged listing by the subject of each entry and pages the rest.
   *
   * @param list the registry's listing for an offset and limit
   */
  static <T> List<T> list(Call call, int offset, int limit, Function<T, String> subject,
      ListCall<T> list) {
    if (unfiltered(call)) {
      return list.fetch(offset, limit);
    }
    Caller caller = call.caller();
    Predicate<T> readable = entry -> caller.mayRead(subject.apply(entry));
    List<T> visible = new ArrayList<>();
    for (T entry : list.fetch(0, ALL)) {
      if (readable.test(entry)) {
        visible.add(entry);
      }
    }
    int from = Math.max(0, Math.min(offset, visible.size()));
    int to = limit <= 0 ? visible.size() : (int) Math.min((long) from + limit, visible.size());
    return visible.subList(from, to);
  }

  /**
   * Throws "schema not found" unless the caller may read a subject that uses the schema
   * (soft-deleted uses included, as ids stay readable after a soft delete).
   */
  static void requireReadableId(Call call, Registry registry, int id) {
    if (!unfiltered(call) && !mayReadId(call, registry, null, id)) {
      throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema " + id + " not found");
    }
  }

  /**
   * As {@link #requireReadableId} for the id a GUID is read as (the first of its ids, as the
   * registry picks it), so that a GUID tells a caller no more than the id would.
   */
  static void requireReadableGuid(Call call, Registry registry, String guid) {
    if (unfiltered(call)) {
      return;
    }
    List<Results.ContextId> ids = registry.idsForGuid(guid);
    if (ids.isEmpty() || !mayReadId(call, registry, ids.get(0))) {
      throw ErrorCode.SCHEMA_NOT_FOUND.exception("Schema " + guid + " not found");
    }
  }

  /** The ids of a GUID whose schema the caller may read. */
  static List<Results.ContextId> readableIds(Call call, Registry registry, List<Results.ContextId> ids) {
    return unfiltered(call) ? ids : ids.stream().filter(id -> mayReadId(call, registry, id)).toList();
  }

  private static boolean mayReadId(Call call, Registry registry, Results.ContextId id) {
    String contextSubject = id.context().equals(QualifiedSubject.DEFAULT_CONTEXT) ? null : ":" + id.context() + ":";
    return mayReadId(call, registry, contextSubject, id.id());
  }

  private static boolean mayReadId(Call call, Registry registry, String contextSubject, int id) {
    Caller caller = call.caller();
    List<String> users;
    try {
      users = registry.subjectsForId(new Requests.IdUsages(id, contextSubject, true, 0, ALL));
    } catch (RegistryException e) {
      users = List.of(); // an unknown id: answered exactly as a hidden one
    }
    return users.stream().anyMatch(caller::mayRead);
  }

  @FunctionalInterface
  interface ListCall<T> {
    List<T> fetch(int offset, int limit);
  }
}
