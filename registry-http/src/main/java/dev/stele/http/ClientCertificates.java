package dev.stele.http;

import io.vertx.core.http.HttpServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** The user a verified TLS client certificate names: the CN of its subject. */
final class ClientCertificates {
  private ClientCertificates() {}

  /** The certificate's CN; null without TLS, without a (verified) certificate or without a CN. */
  static String commonName(HttpServerRequest request) {
    SSLSession session = request.sslSession();
    if (session == null) {
      return null;
    }
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return null; // REQUESTED and none sent
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
      return null;
    }
    return commonName(leaf.getSubjectX500Principal().getName());
  }

  static String commonName(String distinguishedName) {
    try {
      // Most specific last in LdapName's order; the last CN is the subject's own name.
      String found = null;
      for (Rdn rdn : new LdapName(distinguishedName).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          found = rdn.getValue().toString();
        }
      }
      return found == null || found.isBlank() ? null : found;
    } catch (InvalidNameException e) {
      return null;
    }
  }
}
