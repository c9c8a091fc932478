package dev.stele.format.jsonschema;

import dev.stele.schema.IdentityPair;
import dev.stele.schema.SchemaFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The state of one comparison: the current path, the differences found under it, and (shared by
 * every sub-context) the policy, a memo of compared pairs and a work budget.
 *
 * <p>Recursion: a pair of nodes is compared once; its differences are kept relative to the pair
 * and re-based wherever the pair appears again. A pair met again while it is still being compared
 * is a cycle through a recursive schema and is assumed compatible (the co-inductive reading: if
 * nothing else differs, the recursive parts cannot either). Together with the budget this bounds
 * the work on any input.
 */
final class DiffContext {
  /**
   * Nesting of comparisons (each level is a handful of stack frames); real schemas stay far
   * below it, and a degenerate one (a combination that is its own branch) is cut off here.
   */
  static final int MAX_DEPTH = 600;

  private final Shared shared;
  private final List<String> path;
  private final List<Difference> found = new ArrayList<>();

  /** Thrown when a check would take too long; the caller reports it instead of a verdict. */
  static final class Aborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Aborted(String reason) {
      super(reason, null, false, false);
    }
  }

  private static final class Shared {
    final CompatibleChanges policy;
    final Map<IdentityPair<SchemaNode, SchemaNode>, List<Difference>> memo = new HashMap<>();
    final Set<IdentityPair<SchemaNode, SchemaNode>> inProgress = new HashSet<>();
    final int limit;
    int budget;
    int depth;

    Shared(CompatibleChanges policy, int budget) {
      this.policy = policy;
      this.limit = budget;
      this.budget = budget;
    }
  }

  /** Two nodes by identity: structurally equal nodes at different places are different pairs. */
  private static IdentityPair<SchemaNode, SchemaNode> pair(SchemaNode original, SchemaNode update) {
    return new IdentityPair<>(original, update);
  }

  private DiffContext(Shared shared, List<String> path) {
    this.shared = shared;
    this.path = path;
  }

  static DiffContext root(CompatibleChanges policy, int budget) {
    return new DiffContext(new Shared(policy, budget), new ArrayList<>());
  }

  /** A context at the same path that collects its own differences (to test a branch). */
  DiffContext sub() {
    return new DiffContext(shared, new ArrayList<>(path));
  }

  /** Runs {@code body} one path segment deeper. */
  void at(String segment, Runnable body) {
    path.add(segment);
    try {
      body.run();
    } finally {
      path.remove(path.size() - 1);
    }
  }

  /** Runs {@code body} at an index under a keyword ({@code items/0}, {@code anyOf/2}). */
  void at(String keyword, int index, Runnable body) {
    at(keyword, () -> at(Integer.toString(index), body));
  }

  void add(ChangeKind kind) {
    found.add(new Difference(kind, path));
  }

  /** A difference of one keyword of the current schema ({@code #/.../maxLength}). */
  void add(String keyword, ChangeKind kind) {
    at(keyword, () -> add(kind));
  }

  void addAll(DiffContext other) {
    found.addAll(other.found);
  }

  List<Difference> differences() {
    return Collections.unmodifiableList(found);
  }

  boolean isCompatible() {
    for (Difference difference : found) {
      if (!shared.policy.allows(difference.kind())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Compares a pair at most once per check and adds its differences here, re-based on the
   * current path; see the class comment for cycles.
   */
  void compareOnce(SchemaNode original, SchemaNode update, Consumer<DiffContext> compare) {
    IdentityPair<SchemaNode, SchemaNode> key = pair(original, update);
    List<Difference> relative = shared.memo.get(key);
    if (relative == null) {
      if (!shared.inProgress.add(key)) {
        return;
      }
      try {
        DiffContext fresh = new DiffContext(shared, new ArrayList<>());
        compare.accept(fresh);
        relative = List.copyOf(fresh.found);
        shared.memo.put(key, relative);
      } finally {
        shared.inProgress.remove(key);
      }
    }
    shared.budget -= relative.size();
    for (Difference difference : relative) {
      found.add(difference.under(path));
    }
  }

  /** Runs {@code body} one comparison deeper; aborts past {@link #MAX_DEPTH}. */
  void deeper(Runnable body) {
    if (++shared.depth > MAX_DEPTH) {
      throw new Aborted("the schemas nest too deeply to compare");
    }
    try {
      body.run();
    } finally {
      shared.depth--;
    }
  }

  /** Spends one unit of the budget; aborts when it is gone or the thread was interrupted. */
  void tick() {
    if (--shared.budget < 0) {
      throw overBudget();
    }
    if ((shared.budget & 0x3ff) == 0 && Thread.currentThread().isInterrupted()) {
      throw new Aborted("the check was interrupted");
    }
  }

  /**
   * Aborts at once when {@code comparisons} more, each costing at least one {@link #tick}, are
   * more than the budget has left: the check could not finish, and refusing before starting
   * spares the garbage of the comparisons it would make until the budget ran out.
   */
  void expect(long comparisons) {
    if (comparisons > shared.budget) {
      throw overBudget();
    }
  }

  private Aborted overBudget() {
    return new Aborted("the schemas would need more than " + shared.limit + " comparisons; the"
        + " setting " + SchemaFormat.MAX_COMPARISONS_SETTING + " raises it");
  }
}
