package dev.stele.format.jsonschema;

import static dev.stele.format.jsonschema.ChangeKind.DEFAULT_CHANGED;
import static dev.stele.format.jsonschema.ChangeKind.DESCRIPTION_CHANGED;
import static dev.stele.format.jsonschema.ChangeKind.ID_CHANGED;
import static dev.stele.format.jsonschema.ChangeKind.PRODUCT_TYPE_NARROWED;
import static dev.stele.format.jsonschema.ChangeKind.SCHEMA_ADDED;
import static dev.stele.format.jsonschema.ChangeKind.SCHEMA_REMOVED;
import static dev.stele.format.jsonschema.ChangeKind.SUM_TYPE_EXTENDED;
import static dev.stele.format.jsonschema.ChangeKind.TITLE_CHANGED;
import static dev.stele.format.jsonschema.ChangeKind.TYPE_CHANGED;

import dev.stele.format.jsonschema.SchemaNode.Annotations;
import dev.stele.format.jsonschema.SchemaNode.ArraySchema;
import dev.stele.format.jsonschema.SchemaNode.CombinedSchema;
import dev.stele.format.jsonschema.SchemaNode.ConstSchema;
import dev.stele.format.jsonschema.SchemaNode.Criterion;
import dev.stele.format.jsonschema.SchemaNode.EmptySchema;
import dev.stele.format.jsonschema.SchemaNode.EnumSchema;
import dev.stele.format.jsonschema.SchemaNode.FalseSchema;
import dev.stele.format.jsonschema.SchemaNode.NotSchema;
import dev.stele.format.jsonschema.SchemaNode.NumberSchema;
import dev.stele.format.jsonschema.SchemaNode.ObjectSchema;
import dev.stele.format.jsonschema.SchemaNode.ReferenceSchema;
import dev.stele.format.jsonschema.SchemaNode.StringSchema;
import java.util.List;
import java.util.Objects;

/**
 * The entry of the JSON Schema diff: what changed from {@code original} (the writer's schema) to
 * {@code update} (the reader's), by the rules of the Confluent registry's diff, so that the same
 * pair of schemas gets the same verdict and the same messages. Each keyword family has its own
 * small class; this one handles what applies to every schema: references, a plain schema turning
 * into (or out of) a combination, a change of kind, and the annotations.
 */
final class SchemaDiff {
  private SchemaDiff() {}

  /** Every difference from {@code original} to {@code update}, in the order found. */
  static List<Difference> compare(SchemaNode original, SchemaNode update,
      CompatibleChanges policy, int budget) {
    DiffContext ctx = DiffContext.root(policy, budget);
    compare(ctx, original, update);
    return ctx.differences();
  }

  static void compare(DiffContext ctx, SchemaNode original, SchemaNode update) {
    ctx.tick();
    ctx.deeper(() -> compareNodes(ctx, original, update));
  }

  private static void compareNodes(DiffContext ctx, SchemaNode originalNode, SchemaNode updateNode) {
    if (originalNode == null || updateNode == null) {
      if (originalNode != null || updateNode != null) {
        ctx.add(originalNode == null ? SCHEMA_ADDED : SCHEMA_REMOVED);
      }
      return;
    }
    SchemaNode original = ReferenceSchema.deref(originalNode);
    SchemaNode update = ReferenceSchema.deref(updateNode);
    if (!(original instanceof CombinedSchema) && update instanceof CombinedSchema combined) {
      if (matchesBranch(ctx, original, combined)) {
        return;
      }
    } else if (original instanceof CombinedSchema combined && !(update instanceof CombinedSchema)) {
      if (branchMatches(ctx, combined, update)) {
        return;
      }
    }
    if (!sameKind(original, update)) {
      // Anything may become "accept all"; a schema that accepted nothing may become anything.
      if (!(original instanceof FalseSchema) && !(update instanceof EmptySchema)) {
        ctx.add(TYPE_CHANGED);
      }
      return;
    }
    ctx.compareOnce(original, update, fresh -> compareSameKind(fresh, original, update));
  }

  /** A plain schema that became a combination: fine if one branch reads it compatibly. */
  private static boolean matchesBranch(DiffContext ctx, SchemaNode original, CombinedSchema update) {
    List<SchemaNode> branches = update.subschemas();
    if (branches.size() == 1) {
      return addIfCompatible(ctx, original, branches.get(0), null);
    }
    if (update.criterion() != Criterion.ALL_OF) {
      for (SchemaNode branch : branches) {
        if (addIfCompatible(ctx, original, branch, SUM_TYPE_EXTENDED)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A combination that became a plain schema: fine if it is (or, for allOf, one part is) it. */
  private static boolean branchMatches(DiffContext ctx, CombinedSchema original, SchemaNode update) {
    List<SchemaNode> branches = original.subschemas();
    if (branches.size() == 1) {
      return addIfCompatible(ctx, branches.get(0), update, null);
    }
    if (original.criterion() == Criterion.ALL_OF) {
      for (SchemaNode branch : branches) {
        if (addIfCompatible(ctx, branch, update, PRODUCT_TYPE_NARROWED)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean addIfCompatible(DiffContext ctx, SchemaNode original, SchemaNode update,
      ChangeKind also) {
    DiffContext branch = ctx.sub();
    compare(branch, original, update);
    if (!branch.isCompatible()) {
      return false;
    }
    ctx.addAll(branch);
    if (also != null) {
      ctx.add(also);
    }
    return true;
  }

  /** Same node class; {@code true} and {@code {}} count as different classes, as in Confluent. */
  private static boolean sameKind(SchemaNode a, SchemaNode b) {
    if (a.getClass() != b.getClass()) {
      return false;
    }
    return !(a instanceof EmptySchema ea && b instanceof EmptySchema eb)
        || ea.literalTrue() == eb.literalTrue();
  }

  private static void compareSameKind(DiffContext ctx, SchemaNode original, SchemaNode update) {
    compareAnnotations(ctx, original.meta(), update.meta());
    if (original instanceof StringSchema o) {
      StringDiff.compare(ctx, o, (StringSchema) update);
    } else if (original instanceof NumberSchema o) {
      NumberDiff.compare(ctx, o, (NumberSchema) update);
    } else if (original instanceof EnumSchema o) {
      EnumDiff.compare(ctx, o, (EnumSchema) update);
    } else if (original instanceof ConstSchema o) {
      EnumDiff.compare(ctx, o, (ConstSchema) update);
    } else if (original instanceof CombinedSchema o) {
      CombinedDiff.compare(ctx, o, (CombinedSchema) update);
    } else if (original instanceof NotSchema o) {
      NotDiff.compare(ctx, o, (NotSchema) update);
    } else if (original instanceof ObjectSchema o) {
      ObjectDiff.compare(ctx, o, (ObjectSchema) update);
    } else if (original instanceof ArraySchema o) {
      ArrayDiff.compare(ctx, o, (ArraySchema) update);
    }
  }

  private static void compareAnnotations(DiffContext ctx, Annotations original, Annotations update) {
    if (!Objects.equals(original.id(), update.id())) {
      ctx.add(ID_CHANGED);
    }
    if (!Objects.equals(original.title(), update.title())) {
      ctx.add(TITLE_CHANGED);
    }
    if (!Objects.equals(original.description(), update.description())) {
      ctx.add(DESCRIPTION_CHANGED);
    }
    if (!Objects.equals(original.defaultValue(), update.defaultValue())) {
      ctx.add(DEFAULT_CHANGED);
    }
  }
}
