package dev.stele.serde.jsonschema;

import java.util.List;

/** A POJO as users write them: public getters and setters, a nested list. */
public class Person {
  private String name;
  private int age;
  private List<String> tags;

  public Person() {}

  public Person(String name, int age, List<String> tags) {
    this.name = name;
    this.age = age;
    this.tags = tags;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getAge() {
    return age;
  }

  public void setAge(int age) {
    this.age = age;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }
}
