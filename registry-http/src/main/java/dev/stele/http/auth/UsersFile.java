package dev.stele.http.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The users and rules file, parsed. One entry per line; blank lines and lines starting with
 * {@code #} are ignored; fields are separated by spaces or tabs:
 * <pre>
 * user NAME HASH [ROLE,ROLE...]
 * allow WHO OPERATIONS RESOURCE
 * </pre>
 * where HASH is what {@code bin/stele-passwd} prints, WHO is {@code user:NAME}, {@code role:NAME}
 * or {@code *}, OPERATIONS is a comma list of read, write, delete, admin (or {@code all}), and
 * RESOURCE is {@code global}, {@code subject:NAME}, {@code subject:PREFIX*} or
 * {@code subject-regex:REGEX}. Any error names its line: a half-understood security file must not
 * be served.
 */
public record UsersFile(Map<String, User> users, Policy policy) {

  /** One user: the stored hash (parsed, not yet checked against anything) and its roles. */
  public record User(String name, PasswordHash hash, Set<String> roles) {
    public User {
      roles = Set.copyOf(roles);
    }

    Principal principal() {
      return new Principal(name, roles);
    }
  }

  public UsersFile {
    users = Map.copyOf(users);
  }

  public static UsersFile parse(String text) {
    Map<String, User> users = new LinkedHashMap<>();
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        parseLine(line.split("[ \t]+"), users, rules);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new UsersFile(users, Policy.of(rules));
  }

  private static void parseLine(String[] fields, Map<String, User> users, List<Rule> rules) {
    switch (fields[0]) {
      case "user" -> {
        if (fields.length < 3 || fields.length > 4) {
          throw new IllegalArgumentException("expected: user NAME HASH [ROLE,ROLE...]");
        }
        String name = fields[1];
        if (name.contains(":")) {
          // Basic credentials are NAME:PASSWORD; a colon in a name could never sign in.
          throw new IllegalArgumentException("a user name cannot contain ':'");
        }
        Set<String> roles = new LinkedHashSet<>();
        if (fields.length == 4) {
          Arrays.stream(fields[3].split(",")).filter(r -> !r.isBlank()).forEach(roles::add);
        }
        if (users.put(name, new User(name, PasswordHash.parse(fields[2]), roles)) != null) {
          throw new IllegalArgumentException("user " + name + " is defined twice");
        }
      }
      case "allow" -> {
        if (fields.length != 4) {
          throw new IllegalArgumentException("expected: allow WHO OPERATIONS RESOURCE");
        }
        rules.add(new Rule(fields[1], Rule.operations(fields[2]), fields[3]));
      }
      default -> throw new IllegalArgumentException("'" + fields[0] + "' is not user or allow");
    }
  }
}
