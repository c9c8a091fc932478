package dev.stele.serde.rules.cel.internal;

/**
 * One node of an expression compiled for the fast path ({@link FastCompiler}): evaluates to a CEL
 * runtime value, or to {@link #UNSURE} when the answer is an error or anything this path does not
 * reproduce exactly, and dev.cel's program must answer instead. Thread-safe (a {@link FieldSelect}
 * keeps its last field look-up, immutable behind a volatile field; every other node is stateless).
 */
@FunctionalInterface
interface FastExpr {
  /** Not a value: "ask dev.cel". Errors are always dev.cel's to raise, with its own message. */
  Object UNSURE = new Object() {
    @Override
    public String toString() {
      return "UNSURE";
    }
  };

  Object eval(Variables variables);
}
