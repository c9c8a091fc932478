package dev.stele.serde.rules.internal;

import dev.stele.client.SchemaRegistryClient;
import dev.stele.client.internal.ConfigValues;
import dev.stele.client.internal.KeyTable;
import dev.stele.serde.rules.RuleBase;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The executors or actions one serde uses, by type and then by name, built from Confluent's keys:
 * {@code rule.executors=<names>} with {@code rule.executors.<name>.class} and
 * {@code rule.executors.<name>.param.*} (the same under {@code rule.actions}), plus one instance of
 * each type {@code ServiceLoader} finds (name {@code _default_}) unless
 * {@code rule.service.loader.enable=false}. Params come in layers, later ones winning:
 * {@code <root>._default_.param.*}, {@code <root>._<TYPE>_.param.*}, {@code <root>.<name>.param.*}.
 *
 * <p>Where Confluent skips a listed name that has no {@code .class}, this refuses it at
 * configure(): a rule that was meant to run must not be dropped quietly.
 */
final class RuleObjects {
  static final String PARAM = ".param.";

  private RuleObjects() {}

  static Map<String, Map<String, RuleBase>> load(Map<String, ?> configs, String root,
      Class<? extends RuleBase> kind, boolean serviceLoader, SchemaRegistryClient client) {
    Map<String, Map<String, RuleBase>> byType = new LinkedHashMap<>();
    for (String name : new ConfigValues(configs).list(root)) {
      String classKey = root + "." + name + ".class";
      Object named = configs.get(classKey);
      if (named == null || named.toString().isBlank()) {
        throw new IllegalArgumentException(root + " names '" + name + "' but " + classKey + " is not set: give the"
            + " class implementing " + kind.getName() + ", or remove the name");
      }
      RuleBase object = instantiate(classKey, named, kind);
      configure(object, name, configs, root, client);
      byType.computeIfAbsent(type(object), t -> new LinkedHashMap<>()).putIfAbsent(name, object);
    }
    if (serviceLoader) {
      try {
        discover(byType, configs, root, kind, Thread.currentThread().getContextClassLoader(), client);
      } catch (ServiceConfigurationError e) {
        discover(byType, configs, root, kind, kind.getClassLoader(), client);
      }
    }
    return byType;
  }

  private static void discover(Map<String, Map<String, RuleBase>> byType, Map<String, ?> configs, String root,
      Class<? extends RuleBase> kind, ClassLoader loader, SchemaRegistryClient client) {
    for (RuleBase object : ServiceLoader.load(kind, loader)) {
      Map<String, RuleBase> named = byType.computeIfAbsent(type(object), t -> new LinkedHashMap<>());
      if (!named.containsKey(RuleBase.DEFAULT_NAME)) {
        configure(object, RuleBase.DEFAULT_NAME, configs, root, client);
        named.put(RuleBase.DEFAULT_NAME, object);
      }
    }
  }

  private static String type(RuleBase object) {
    return object.type().toUpperCase(Locale.ROOT);
  }

  private static RuleBase instantiate(String key, Object named, Class<? extends RuleBase> kind) {
    try {
      Class<?> type = named instanceof Class<?> cls ? cls
          : Class.forName(named.toString().trim(), true, loader());
      if (!kind.isAssignableFrom(type)) {
        throw new IllegalArgumentException(key + ": " + type.getName() + " does not implement " + kind.getName());
      }
      return kind.cast(type.getConstructor().newInstance());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(key + ": no class " + named + " on the class path", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(key + ": cannot create " + named + " (it needs a public no-argument"
          + " constructor): " + e, e);
    }
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : RuleObjects.class.getClassLoader();
  }

  private static void configure(RuleBase object, String name, Map<String, ?> configs, String root,
      SchemaRegistryClient client) {
    Map<String, Object> params = new HashMap<>();
    if (object.addOriginalConfigs()) {
      params.putAll(configs);
      params.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
      params.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    } else {
      configs.forEach((key, value) -> {
        if (key.startsWith(KeyTable.REGISTRY_PREFIX)) {
          params.put(key, value);
        }
      });
    }
    for (String layer : List.of(RuleBase.DEFAULT_NAME, "_" + type(object) + "_", name)) {
      String prefix = root + "." + layer + PARAM;
      configs.forEach((key, value) -> {
        if (key.startsWith(prefix)) {
          params.put(key.substring(prefix.length()), value);
        }
      });
    }
    object.setSchemaRegistryClient(client);
    object.configure(params);
  }
}
