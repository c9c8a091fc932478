package dev.stele.serde.rules.cel.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.values.NullValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a checked CEL expression (dev.cel parses and type-checks it) into {@link FastExpr}
 * closures when every node is in the subset below, else answers null and dev.cel's program runs
 * alone. The subset: int, double, string, bool, null and bytes literals; the rule's variables;
 * field selection and {@code has()}; {@code == != < <= > >=}; {@code && || !}; the ternary;
 * {@code size()}; {@code startsWith}, {@code endsWith} and {@code contains}; {@code in} a list
 * literal. Uint, timestamps, arithmetic, macros over lists and every other function stay with
 * dev.cel. See docs/decisions/0022-fast-cel-conditions.md.
 */
final class FastCompiler {
  private final CelAbstractSyntaxTree ast;
  private final Set<String> variables;

  private FastCompiler(CelAbstractSyntaxTree ast, Set<String> variables) {
    this.ast = ast;
    this.variables = variables;
  }

  /** The fast form of {@code ast}, or null when some node is outside the subset. */
  static FastExpr compile(CelAbstractSyntaxTree ast, Set<String> variables) {
    if (!ast.isChecked()) {
      return null;
    }
    try {
      return new FastCompiler(ast, variables).node(ast.getExpr());
    } catch (Unsupported e) {
      return null;
    }
  }

  /** Thrown (without a stack) at the first node outside the subset. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private FastExpr node(CelExpr expr) {
    return switch (expr.getKind()) {
      case CONSTANT -> constant(expr.constant());
      case IDENT -> ident(expr);
      case SELECT -> select(expr);
      case CALL -> call(expr);
      default -> throw new Unsupported();
    };
  }

  private static FastExpr constant(CelConstant constant) {
    Object value = switch (constant.getKind()) {
      case INT64_VALUE -> constant.int64Value();
      case DOUBLE_VALUE -> constant.doubleValue();
      case STRING_VALUE -> constant.stringValue();
      case BOOLEAN_VALUE -> constant.booleanValue();
      case NULL_VALUE -> NullValue.NULL_VALUE;
      case BYTES_VALUE -> constant.bytesValue();
      default -> throw new Unsupported();
    };
    return variables -> value;
  }

  private FastExpr ident(CelExpr expr) {
    String name = expr.ident().name();
    Optional<CelReference> reference = ast.getReference(expr.id());
    // A reference naming something else (a constant, a qualified name) is not a plain variable.
    if (!variables.contains(name) || reference.isEmpty() || !reference.get().name().equals(name)
        || reference.get().value().isPresent()) {
      throw new Unsupported();
    }
    return variables -> {
      Object value = variables.find(name);
      return value == null ? FastExpr.UNSURE : value;
    };
  }

  private FastExpr select(CelExpr expr) {
    if (ast.getReference(expr.id()).isPresent()) {
      throw new Unsupported();
    }
    FastExpr operand = node(expr.select().operand());
    String field = expr.select().field();
    if (expr.select().testOnly()) {
      return variables -> {
        Object value = operand.eval(variables);
        return value == FastExpr.UNSURE ? value : FastOps.has(value, field);
      };
    }
    return new FieldSelect(operand, field);
  }

  private static final Map<String, Integer> COMPARISONS = Map.of("_==_", Binary.EQ, "_!=_", Binary.NE,
      "_<_", Binary.LT, "_<=_", Binary.LE, "_>_", Binary.GT, "_>=_", Binary.GE);

  private FastExpr call(CelExpr expr) {
    CelExpr.CelCall call = expr.call();
    List<CelExpr> args = call.args();
    boolean member = call.target().isPresent();
    String function = call.function();
    Integer comparison = COMPARISONS.get(function);
    if (!member && args.size() == 2 && comparison != null) {
      return new Binary(node(args.get(0)), node(args.get(1)), comparison);
    }
    if (!member && args.size() == 2) {
      return switch (function) {
        case "_&&_" -> logical(node(args.get(0)), node(args.get(1)), Boolean.FALSE);
        case "_||_" -> logical(node(args.get(0)), node(args.get(1)), Boolean.TRUE);
        case "@in" -> in(node(args.get(0)), args.get(1));
        default -> throw new Unsupported();
      };
    }
    if (!member && args.size() == 1 && function.equals("!_")) {
      FastExpr operand = node(args.get(0));
      return variables -> {
        Object value = operand.eval(variables);
        return value instanceof Boolean b ? Boolean.valueOf(!b) : FastExpr.UNSURE;
      };
    }
    if (!member && args.size() == 3 && function.equals("_?_:_")) {
      return ternary(node(args.get(0)), node(args.get(1)), node(args.get(2)));
    }
    if (function.equals("size") && (member ? args.isEmpty() : args.size() == 1)) {
      FastExpr operand = node(member ? call.target().get() : args.get(0));
      return variables -> {
        Object value = operand.eval(variables);
        return value == FastExpr.UNSURE ? value : FastOps.size(value);
      };
    }
    if (member && args.size() == 1) {
      StringTest test = switch (function) {
        case "startsWith" -> String::startsWith;
        case "endsWith" -> String::endsWith;
        case "contains" -> String::contains;
        default -> throw new Unsupported();
      };
      return strings(node(call.target().get()), node(args.get(0)), test);
    }
    throw new Unsupported();
  }

  private interface StringTest {
    boolean test(String text, String part);
  }

  /**
   * A comparison, one class for the six (rather than a lambda per operator over a shared
   * operator interface) so that the JIT sees one small method with a switch.
   */
  private record Binary(FastExpr left, FastExpr right, int op) implements FastExpr {
    static final int EQ = 0;
    static final int NE = 1;
    static final int LT = 2;
    static final int LE = 3;
    static final int GT = 4;
    static final int GE = 5;

    @Override
    public Object eval(Variables variables) {
      Object a = left.eval(variables);
      if (a == UNSURE) {
        return a;
      }
      Object b = right.eval(variables);
      if (b == UNSURE) {
        return b;
      }
      if (op == EQ) {
        return FastOps.equal(a, b);
      }
      if (op == NE) {
        return FastOps.notEqual(a, b);
      }
      int c = FastOps.compare(a, b);
      if (c == FastOps.UNORDERED) {
        return UNSURE;
      }
      return switch (op) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        default -> c >= 0;
      };
    }
  }

  /**
   * {@code &&} ({@code decisive} false) and {@code ||} (true), commutative as in CEL: a decisive
   * operand decides even when the other is an error or not a bool; two bools decide; anything
   * else is dev.cel's error.
   */
  private static FastExpr logical(FastExpr left, FastExpr right, Boolean decisive) {
    return variables -> {
      Object a = left.eval(variables);
      if (decisive.equals(a)) {
        return decisive;
      }
      Object b = right.eval(variables);
      if (decisive.equals(b)) {
        return decisive;
      }
      return a instanceof Boolean && b instanceof Boolean ? b : FastExpr.UNSURE;
    };
  }

  private static FastExpr ternary(FastExpr condition, FastExpr yes, FastExpr no) {
    return variables -> {
      Object test = condition.eval(variables);
      if (!(test instanceof Boolean b)) {
        return FastExpr.UNSURE;
      }
      return b ? yes.eval(variables) : no.eval(variables);
    };
  }

  /**
   * {@code x in [a, b, ...]} over a list of literals (an element that failed would fail the whole
   * list first, so only literals are taken): true at the first element equal to x.
   */
  private FastExpr in(FastExpr element, CelExpr list) {
    if (list.getKind() != CelExpr.ExprKind.Kind.LIST || !list.list().optionalIndices().isEmpty()) {
      throw new Unsupported();
    }
    Object[] elements = new Object[list.list().elements().size()];
    for (int i = 0; i < elements.length; i++) {
      CelExpr each = list.list().elements().get(i);
      if (each.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
        throw new Unsupported();
      }
      elements[i] = constant(each.constant()).eval(null);
    }
    return variables -> {
      Object x = element.eval(variables);
      if (x == FastExpr.UNSURE) {
        return x;
      }
      for (Object candidate : elements) {
        Object equal = FastOps.equal(x, candidate);
        if (equal != Boolean.FALSE) {
          return equal;
        }
      }
      return Boolean.FALSE;
    };
  }

  private static FastExpr strings(FastExpr target, FastExpr argument, StringTest test) {
    return variables -> {
      Object text = target.eval(variables);
      if (!(text instanceof String s)) {
        return FastExpr.UNSURE;
      }
      Object part = argument.eval(variables);
      return part instanceof String p ? Boolean.valueOf(test.test(s, p)) : FastExpr.UNSURE;
    };
  }
}
