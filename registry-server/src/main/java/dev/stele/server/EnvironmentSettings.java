package dev.stele.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Settings from environment variables, for {@code bin/stele-start} without a file (containers),
 * named the way Confluent's cp-schema-registry image names them, so that a compose file written
 * for that image starts Stele with only the image changed: {@code SCHEMA_REGISTRY_LISTENERS} is
 * {@code listeners}, {@code SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS} is
 * {@code kafkastore.bootstrap.servers}, and {@code STELE_DATA_DIR} is {@code stele.data.dir} for
 * Stele's own keys. The keys then go through {@link ServerConfig#parse} like a file's, so a
 * misspelt variable stops the start as a misspelt key does, naming the variable.
 *
 * @param values the settings, by key
 * @param variables the variable each key came from
 * @param skipped variables with a prefix that are not settings: those of Confluent's start
 *     scripts (JVM options, JMX, log4j) and Kubernetes service links
 * @param conflicts two variables setting one key to different values, reported by {@link #parse}
 *     (not before: with a file, the environment is not read)
 */
record EnvironmentSettings(Map<String, String> values, Map<String, String> variables,
    List<String> skipped, List<String> conflicts) {
  static final String CONFLUENT_PREFIX = "SCHEMA_REGISTRY_";
  static final String STELE_PREFIX = "STELE_";

  /**
   * Variables Confluent's image passes to the JVM, JMX or log4j rather than to the server
   * (bin/stele-start honours SCHEMA_REGISTRY_HEAP_OPTS and _OPTS; the others are reported).
   */
  private static final Set<String> LAUNCHER = Set.of("SCHEMA_REGISTRY_HEAP_OPTS",
      "SCHEMA_REGISTRY_OPTS", "SCHEMA_REGISTRY_JVM_PERFORMANCE_OPTS", "SCHEMA_REGISTRY_LOG_DIR");
  /** Our own scripts' variables (bin/stele-start, the container's entrypoint and health check). */
  private static final Set<String> OURS = Set.of("STELE_JAVA_OPTS", "STELE_HOME",
      "STELE_HEALTH_URL");
  private static final List<String> LAUNCHER_PREFIXES = List.of("SCHEMA_REGISTRY_JMX_",
      "SCHEMA_REGISTRY_LOG4J_");
  /**
   * What Kubernetes adds for a Service named schema-registry or stele (service links):
   * {@code SCHEMA_REGISTRY_PORT=tcp://10.0.0.1:8081}, {@code SCHEMA_REGISTRY_SERVICE_HOST}, ...
   * They describe the Service, not this server, and would otherwise stop the start.
   */
  private static final Pattern SERVICE_LINK = Pattern.compile("(SCHEMA_REGISTRY|STELE)_"
      + "(SERVICE_(HOST|PORT)(_[A-Z0-9_]+)?|PORT_[0-9]+_(TCP|UDP|SCTP)(_[A-Z]+)?)");

  EnvironmentSettings {
    values = Map.copyOf(values);
    variables = Map.copyOf(variables);
    skipped = List.copyOf(skipped);
    conflicts = List.copyOf(conflicts);
  }

  /** Sorts the environment's {@code SCHEMA_REGISTRY_*} and {@code STELE_*} variables. */
  static EnvironmentSettings of(Map<String, String> environment) {
    Map<String, String> values = new TreeMap<>();
    Map<String, String> variables = new TreeMap<>();
    List<String> skipped = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    for (String variable : new TreeMap<>(environment).keySet()) {
      String value = environment.get(variable);
      String key = key(variable);
      if (key == null || OURS.contains(variable)) {
        continue;
      }
      if (isLauncherVariable(variable) || isServiceLink(variable, value)) {
        skipped.add(variable);
        continue;
      }
      String earlier = variables.put(key, variable);
      if (earlier != null && !values.get(key).equals(value)) {
        conflicts.add("the environment variables " + earlier + " and " + variable + " both set "
            + key + ", to different values; remove one");
      }
      values.put(key, value);
    }
    return new EnvironmentSettings(values, variables, skipped, conflicts);
  }

  /** The settings as the server uses them; relative paths start from the working directory. */
  ServerConfig parse() throws ConfigException {
    if (!conflicts.isEmpty()) {
      throw new ConfigException(conflicts.get(0));
    }
    try {
      return ServerConfig.parse(values, Path.of("").toAbsolutePath());
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage() + origins(e.getMessage()), e);
    }
  }

  /**
   * The key a variable sets, or null when it has neither prefix: after the prefix, as Confluent's
   * images convert ({@code ub}'s ConvertKey), {@code _} is a dot, {@code __} an underscore,
   * {@code ___} a dash, and the rest is lower-cased. {@code STELE_} keys start with
   * {@code stele.}.
   */
  static String key(String variable) {
    String rest;
    String prefix;
    if (variable.startsWith(CONFLUENT_PREFIX)) {
      rest = variable.substring(CONFLUENT_PREFIX.length());
      prefix = "";
    } else if (variable.startsWith(STELE_PREFIX)) {
      rest = variable.substring(STELE_PREFIX.length());
      prefix = ConfigKeys.STELE_PREFIX;
    } else {
      return null;
    }
    if (rest.isEmpty()) {
      return null;
    }
    StringBuilder key = new StringBuilder(prefix);
    for (int i = 0; i < rest.length(); ) {
      int run = 0;
      while (i + run < rest.length() && rest.charAt(i + run) == '_') {
        run++;
      }
      if (run == 0) {
        key.append(rest.charAt(i));
        i++;
        continue;
      }
      // One underscore is a dot, two an underscore, three a dash; longer runs in threes.
      for (int left = run; left > 0; left -= Math.min(left, 3)) {
        key.append(switch (Math.min(left, 3)) {
          case 1 -> '.';
          case 2 -> '_';
          default -> '-';
        });
      }
      i += run;
    }
    return key.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isLauncherVariable(String variable) {
    return LAUNCHER.contains(variable) || LAUNCHER_PREFIXES.stream().anyMatch(variable::startsWith);
  }

  private static boolean isServiceLink(String variable, String value) {
    return SERVICE_LINK.matcher(variable).matches()
        || variable.endsWith("_PORT") && value != null && value.matches("(tcp|udp|sctp)://.*");
  }

  /** Names the variables behind the keys a message mentions, for the operator to fix. */
  private String origins(String message) {
    List<String> named = new ArrayList<>();
    variables.forEach((key, variable) -> {
      if (Pattern.compile("(^|[^a-z0-9._-])" + Pattern.quote(key) + "($|[^a-z0-9_-]|\\.(?![a-z0-9]))")
          .matcher(message).find()) {
        named.add(key + " is the environment variable " + variable);
      }
    });
    return named.isEmpty() ? " (settings from the environment)" : " (" + String.join("; ", named) + ")";
  }
}
