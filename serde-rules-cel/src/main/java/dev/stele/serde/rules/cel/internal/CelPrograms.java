package dev.stele.serde.rules.cel.internal;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelMathExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled CEL programs, one per expression text, over a fixed set of variables: {@code message}
 * for CEL rules; {@code value}, {@code fullName}, {@code name}, {@code typeName}, {@code tags} and
 * {@code message} for CEL_FIELD rules, as in Confluent. Messages and values are dynamic: each
 * format hands them over as plain maps, lists and scalars ({@link CelValues}). An expression
 * whose every node the fast path knows ({@link FastCompiler}) is evaluated by it first, dev.cel's
 * program answering whenever it is unsure (errors included). Thread-safe; compiling twice under a
 * race is harmless.
 */
public final class CelPrograms {
  private static final int MAX_CACHED = 1000;

  private final Cel cel;
  private final Set<String> names;
  private final ConcurrentHashMap<String, Compiled> programs = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Guarded> guarded = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Guarded> unguarded = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CelRun> runs = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CelRun> runsWhole = new ConcurrentHashMap<>();

  /** dev.cel's program and, when the expression is in its subset, the fast path's (else null). */
  record Compiled(CelRuntime.Program program, FastExpr fast) {}

  private CelPrograms(Map<String, CelType> variables) {
    // The libraries Confluent's executors offer, so the same rule text compiles in both: the standard
    // library and macros, the string and math extensions, numbers of different types comparable,
    // and Confluent's own string checks (ConfluentFunctions).
    CelOptions options = CelOptions.DEFAULT.toBuilder().enableHeterogeneousNumericComparisons(true).build();
    CelStringExtensions strings = CelExtensions.strings();
    CelMathExtensions math = CelExtensions.math(options);
    var builder = CelFactory.plannerCelBuilder().setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(strings, math).addRuntimeLibraries(strings, math)
        .addFunctionDeclarations(ConfluentFunctions.declarations())
        .addFunctionBindings(ConfluentFunctions.bindings());
    variables.forEach(builder::addVar);
    this.cel = builder.build();
    this.names = Set.copyOf(variables.keySet());
  }

  public static CelPrograms forMessages() {
    return new CelPrograms(Map.of("message", SimpleType.DYN));
  }

  public static CelPrograms forFields() {
    return new CelPrograms(Map.of("value", SimpleType.DYN, "fullName", SimpleType.STRING, "name", SimpleType.STRING,
        "typeName", SimpleType.STRING, "tags", ListType.create(SimpleType.STRING), "message", SimpleType.DYN));
  }

  /** Compiles (once) and evaluates {@code expression}; a syntax or type error is an IllegalArgumentException. */
  public Object eval(String expression, Map<String, ?> variables) throws CelEvaluationException {
    return eval(expression, (Variables) variables::get);
  }

  /**
   * As {@link #eval(String, Map)}, each variable found when the expression asks for it. Measured
   * (CelRuleBenchmark.celProgramAlone*): CEL's evaluation from a map allocated 600 bytes a call,
   * from a resolver 88, so records are evaluated this way.
   */
  public Object eval(String expression, Variables variables) throws CelEvaluationException {
    return eval(compiled(expression), variables);
  }

  /** As {@link #eval(String, Variables)} for an expression compiled already. */
  Object eval(Compiled compiled, Variables variables) throws CelEvaluationException {
    if (compiled.fast() != null) {
      Object answer = compiled.fast().eval(variables);
      if (answer != FastExpr.UNSURE) {
        return answer;
      }
    }
    return compiled.program().eval(variables.resolver());
  }

  /** dev.cel's answer alone, without the fast path: for the differential test and the benchmark. */
  public Object evalCel(String expression, Variables variables) throws CelEvaluationException {
    return compiled(expression).program().eval(variables.resolver());
  }

  /** The fast path's answer alone: UNSURE when it has none, null when the expression is outside it. */
  Object evalFast(String expression, Variables variables) throws CelEvaluationException {
    FastExpr fast = compiled(expression).fast();
    return fast == null ? null : fast.eval(variables);
  }

  /** A rule's text split at its guard ({@link Guarded#parse}), once per text. */
  public Guarded guarded(String expression, boolean ignoreSeparator) {
    ConcurrentHashMap<String, Guarded> cache = ignoreSeparator ? unguarded : guarded;
    Guarded split = cache.get(expression);
    if (split == null) {
      split = Guarded.parse(expression, ignoreSeparator);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(expression, split);
    }
    return split;
  }

  /**
   * A rule's text split at its guard and compiled, once per text; a part that does not compile is
   * left for {@link CelRun#eval} to compile again and report.
   */
  public CelRun run(String expression, boolean ignoreSeparator) {
    ConcurrentHashMap<String, CelRun> cache = ignoreSeparator ? runsWhole : runs;
    CelRun run = cache.get(expression);
    if (run == null) {
      Guarded text = guarded(expression, ignoreSeparator);
      run = new CelRun(text, text.guard() == null ? null : compiledOrNull(text.guard()), compiledOrNull(text.body()));
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(expression, run);
    }
    return run;
  }

  private Compiled compiledOrNull(String expression) {
    try {
      return compiled(expression);
    } catch (CelEvaluationException | RuntimeException e) {
      return null;
    }
  }

  Compiled compiled(String expression) throws CelEvaluationException {
    Compiled compiled = programs.get(expression);
    if (compiled == null) {
      compiled = compile(expression);
      if (programs.size() >= MAX_CACHED) {
        programs.clear();
      }
      programs.put(expression, compiled);
    }
    return compiled;
  }

  private Compiled compile(String expression) throws CelEvaluationException {
    CelAbstractSyntaxTree ast;
    try {
      ast = cel.compile(expression).getAst();
    } catch (CelValidationException e) {
      throw new IllegalArgumentException("the CEL expression '" + expression + "' does not compile: "
          + e.getMessage(), e);
    }
    return new Compiled(cel.createProgram(ast), FastCompiler.compile(ast, names));
  }
}
