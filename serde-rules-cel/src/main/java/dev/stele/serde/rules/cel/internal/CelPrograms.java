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
import dev.cel.runtime.CelVariableResolver;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled CEL programs, one per expression text, over a fixed set of variables: {@code message}
 * for CEL rules; {@code value}, {@code fullName}, {@code name}, {@code typeName}, {@code tags} and
 * {@code message} for CEL_FIELD rules, as in Confluent. Messages and values are dynamic: each
 * format hands them over as plain maps, lists and scalars ({@link CelValues}). Thread-safe;
 * compiling twice under a race is harmless.
 */
public final class CelPrograms {
  private static final int MAX_CACHED = 1000;

  private final Cel cel;
  private final ConcurrentHashMap<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

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
    return eval(expression, name -> Optional.ofNullable(variables.get(name)));
  }

  /**
   * As {@link #eval(String, Map)}, each variable found when the expression asks for it. Measured
   * (CelRuleBenchmark.celProgramAlone*): CEL's evaluation from a map allocated 600 bytes a call,
   * from a resolver 88, so records are evaluated this way.
   */
  public Object eval(String expression, CelVariableResolver variables) throws CelEvaluationException {
    return program(expression).eval(variables);
  }

  private CelRuntime.Program program(String expression) throws CelEvaluationException {
    CelRuntime.Program program = programs.get(expression);
    if (program == null) {
      program = compile(expression);
      if (programs.size() >= MAX_CACHED) {
        programs.clear();
      }
      programs.put(expression, program);
    }
    return program;
  }

  private CelRuntime.Program compile(String expression) throws CelEvaluationException {
    CelAbstractSyntaxTree ast;
    try {
      ast = cel.compile(expression).getAst();
    } catch (CelValidationException e) {
      throw new IllegalArgumentException("the CEL expression '" + expression + "' does not compile: "
          + e.getMessage(), e);
    }
    return cel.createProgram(ast);
  }
}
