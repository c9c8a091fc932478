package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.COMBINED_TYPE_CHANGED;
import static dev.stele.format.jsonschema.ChangeKind.COMBINED_TYPE_EXTENDED;
import static dev.stele.format.jsonschema.ChangeKind.COMBINED_TYPE_SUBSCHEMAS_CHANGED;
import static dev.stele.format.jsonschema.ChangeKind.PRODUCT_TYPE_EXTENDED;
import static dev.stele.format.jsonschema.ChangeKind.PRODUCT_TYPE_NARROWED;
import static dev.stele.format.jsonschema.ChangeKind.SUM_TYPE_EXTENDED;
import static dev.stele.format.jsonschema.ChangeKind.SUM_TYPE_NARROWED;

import dev.stele.format.jsonschema.SchemaNode.CombinedSchema;
import dev.stele.format.jsonschema.SchemaNode.Criterion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code allOf}/{@code anyOf}/{@code oneOf} against the same or another combiner. Branches are
 * matched one to one: each old branch with a new branch that reads it compatibly (a maximum
 * bipartite matching); if the smaller side cannot be covered, the branches changed.
 */
final class CombinedDiff {
  private CombinedDiff() {}

  static void compare(DiffContext ctx, CombinedSchema original, CombinedSchema update) {
    ChangeKind criterion = compareCriteria(original, update);
    if (criterion != null) {
      ctx.add(criterion);
      if (criterion == COMBINED_TYPE_CHANGED) {
        return;
      }
    }
    // Identical branches count once, as they do for validation.
    List<SchemaNode> before = new ArrayList<>(new LinkedHashSet<>(original.subschemas()));
    List<SchemaNode> after = new ArrayList<>(new LinkedHashSet<>(update.subschemas()));
    boolean product = update.criterion() == Criterion.ALL_OF;
    if (before.size() < after.size()) {
      ctx.add(product ? PRODUCT_TYPE_EXTENDED : SUM_TYPE_EXTENDED);
    } else if (before.size() > after.size()) {
      ctx.add(product ? PRODUCT_TYPE_NARROWED : SUM_TYPE_NARROWED);
    }
    // Every old branch is compared with every new one: counted first, so a pair of wide
    // combinations over the budget is refused before any comparison is made.
    ctx.expect((long) before.size() * after.size());
    boolean[][] compatible = new boolean[before.size()][after.size()];
    List<List<DiffContext>> found = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      List<DiffContext> row = new ArrayList<>();
      int index = i;
      ctx.at(original.criterion().keyword(), i, () -> {
        for (int j = 0; j < after.size(); j++) {
          DiffContext branch = ctx.sub();
          SchemaDiff.compare(branch, before.get(index), after.get(j));
          compatible[index][j] = branch.isCompatible();
          // Only a compatible pair can be matched below; the others' findings are dropped now.
          row.add(compatible[index][j] ? branch : null);
        }
      });
      found.add(row);
    }
    int[] matchOfAfter = maximumMatching(compatible, after.size());
    int matched = 0;
    for (int j = 0; j < matchOfAfter.length; j++) {
      if (matchOfAfter[j] >= 0) {
        ctx.addAll(found.get(matchOfAfter[j]).get(j));
        matched++;
      }
    }
    if (matched < Math.min(before.size(), after.size())) {
      ctx.add(COMBINED_TYPE_SUBSCHEMAS_CHANGED);
    }
  }

  /**
   * anyOf accepts whatever allOf or oneOf did; oneOf or allOf of a single branch are the same as
   * that branch. Null when the criterion is unchanged.
   */
  private static ChangeKind compareCriteria(CombinedSchema original, CombinedSchema update) {
    Criterion before = original.criterion();
    Criterion after = update.criterion();
    if (before == after) {
      return null;
    }
    boolean singleBefore = original.subschemas().size() == 1;
    boolean singleAfter = update.subschemas().size() == 1;
    if (after == Criterion.ANY_OF
        || after == Criterion.ONE_OF && singleBefore
        || after == Criterion.ALL_OF && singleBefore && singleAfter) {
      return COMBINED_TYPE_EXTENDED;
    }
    return COMBINED_TYPE_CHANGED;
  }

  /** Kuhn's augmenting paths; for each new branch, the old branch matched to it or -1. */
  static int[] maximumMatching(boolean[][] edges, int right) {
    int[] matchOfRight = new int[right];
    Arrays.fill(matchOfRight, -1);
    for (int left = 0; left < edges.length; left++) {
      augment(left, edges, matchOfRight, new boolean[right]);
    }
    return matchOfRight;
  }

  private static boolean augment(int left, boolean[][] edges, int[] matchOfRight, boolean[] seen) {
    for (int r = 0; r < matchOfRight.length; r++) {
      if (edges[left][r] && !seen[r]) {
        seen[r] = true;
        if (matchOfRight[r] < 0 || augment(matchOfRight[r], edges, matchOfRight, seen)) {
          matchOfRight[r] = left;
          return true;
        }
      }
    }
    return false;
  }
}
