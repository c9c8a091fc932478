package dev.stele.http.auth;

import java.util.Set;

/** Who is calling, once authenticated: a user name and the roles the users file gives it. */
public record Principal(String name, Set<String> roles) {
  public Principal {
    roles = Set.copyOf(roles);
  }
}
