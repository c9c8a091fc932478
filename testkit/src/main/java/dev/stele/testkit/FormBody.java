package dev.stele.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body as the doubles of cloud services read it
 * (STS's query protocol, an OAuth or Entra ID token request): name to value, decoded; a name
 * without {@code =} is dropped, and of a repeated name the last value counts.
 */
public final class FormBody {
  private FormBody() {}

  public static Map<String, String> parse(byte[] body) {
    return parse(new String(body, StandardCharsets.UTF_8));
  }

  public static Map<String, String> parse(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
