package dev.stele.serde.rules.cel.internal;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * The string checks Confluent's CEL executors add to the standard library, so that a rule
 * written for Confluent's serdes ({@code message.email.isEmail()}) compiles and means the same
 * here: {@code isEmail}, {@code isHostname}, {@code isIpv4}, {@code isIpv6}, {@code isUri},
 * {@code isUriRef} and {@code isUuid}, each a member function of {@code string} giving a
 * {@code bool}.
 */
final class ConfluentFunctions {
  /** RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens. */
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private record Check(String name, Predicate<String> test) {
    String overloadId() {
      return "string_" + name.toLowerCase(Locale.ROOT);
    }
  }

  private static final List<Check> CHECKS = List.of(
      new Check("isEmail", s -> EmailValidator.getInstance().isValid(s)),
      new Check("isHostname", ConfluentFunctions::hostname),
      new Check("isIpv4", s -> InetAddressValidator.getInstance().isValidInet4Address(s)),
      new Check("isIpv6", s -> InetAddressValidator.getInstance().isValidInet6Address(s)),
      new Check("isUri", s -> uri(s, true)),
      new Check("isUriRef", s -> uri(s, false)),
      new Check("isUuid", s -> UUID.matcher(s).matches()));

  private ConfluentFunctions() {}

  static List<CelFunctionDecl> declarations() {
    List<CelFunctionDecl> declarations = new ArrayList<>();
    for (Check check : CHECKS) {
      declarations.add(CelFunctionDecl.newFunctionDeclaration(check.name(),
          CelOverloadDecl.newMemberOverload(check.overloadId(), SimpleType.BOOL, SimpleType.STRING)));
    }
    return declarations;
  }

  static List<CelFunctionBinding> bindings() {
    List<CelFunctionBinding> bindings = new ArrayList<>();
    for (Check check : CHECKS) {
      bindings.add(CelFunctionBinding.from(check.overloadId(), String.class, s -> check.test().test(s)));
    }
    return bindings;
  }

  static boolean hostname(String s) {
    if (s.isEmpty() || s.length() > 253) {
      return false;
    }
    String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** A URI as RFC 3986 has it (java.net.URI's grammar); {@code absolute}: with a scheme. */
  static boolean uri(String s, boolean absolute) {
    try {
      URI parsed = new URI(s);
      return !absolute || parsed.isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
