package dev.stele.http.auth;

/**
 * The authenticated caller of one request with the policy in force when it was authenticated;
 * {@link #ANONYMOUS_OPEN} when no authentication is configured (everything allowed).
 */
public record Caller(Principal principal, Policy policy) {
  public static final Caller ANONYMOUS_OPEN = new Caller(null, Policy.OPEN);

  public boolean may(Operation operation, Resource resource) {
    return policy.allows(principal, operation, resource);
  }

  public boolean mayRead(String subject) {
    return policy.allows(principal, Operation.READ, Resource.subject(subject));
  }

  public boolean readsEverySubject() {
    return policy.readsEverySubject(principal);
  }

  /** For messages: the user's name, or "anonymous" on an open server. */
  public String name() {
    return principal == null ? "anonymous" : principal.name();
  }
}
