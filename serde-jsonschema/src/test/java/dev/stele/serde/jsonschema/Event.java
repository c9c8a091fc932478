package dev.stele.serde.jsonschema;

import java.util.Date;
import java.util.Objects;

/** A POJO with a date, which Jackson writes as epoch milliseconds or as an ISO-8601 string. */
public class Event {
  public String name;
  public Date at;

  public Event() {}

  public Event(String name, Date at) {
    this.name = name;
    this.at = at;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Event event && Objects.equals(name, event.name) && Objects.equals(at, event.at);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, at);
  }
}
