package dev.stele.registry.log;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.RegistryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Confluent's {@code RuleSet.validate}: each row a rule set and the 42210 message it gets. */
class RuleSetCheckTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'domainRules':[{'type':'CEL'}]} | Missing rule name",
      "{'domainRules':[{'name':'','type':'CEL'}]} | Empty rule name",
      "{'domainRules':[{'name':'9a','type':'CEL'}]} | Illegal initial character in rule name: 9a",
      "{'domainRules':[{'name':'a.b','type':'CEL'}]} | Illegal character in rule name: a.b",
      "{'domainRules':[{'name':'a'}]} | Missing rule type",
      "{'domainRules':[{'name':'a','type':'CEL','mode':'UPGRADE'}]} | Domain rules can only be WRITE, READ, WRITEREAD",
      "{'encodingRules':[{'name':'a','type':'X','mode':'UPDOWN'}]} | Encoding rules can only be WRITE, READ, WRITEREAD",
      "{'migrationRules':[{'name':'m','type':'JSONATA'}]} | Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN",
      "{'migrationRules':[{'name':'a','type':'J','mode':'UPGRADE'}],'domainRules':[{'name':'a','type':'CEL'}]} | Found rule with duplicate name 'a'",
      "{'domainRules':[{'name':'a','type':'CEL','mode':'WRITE','onFailure':'DLQ,NONE'}]} | Multiple actions only valid with WRITEREAD and UPDOWN"})
  void refusesWithConfluentsWords(String ruleSet, String message) {
    assertThatThrownBy(() -> RuleSetCheck.validate(new RawJson(ruleSet.replace('\'', '"'))))
        .isInstanceOf(RegistryException.class).hasMessage(message)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((RegistryException) e).code())
            .isEqualTo(ErrorCode.INVALID_RULE_SET));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{'domainRules':[{'name':'a','type':'CEL'}]}",
      "{'domainRules':[{'name':'_a-1','type':'CEL','mode':'WRITEREAD','onFailure':'DLQ,NONE'}]}",
      "{'migrationRules':[{'name':'m','type':'JSONATA','mode':'UPDOWN'}],'encodingRules':[{'name':'e','type':'ENCRYPT_PAYLOAD','mode':'WRITEREAD'}]}"})
  void passesValidRuleSets(String ruleSet) {
    assertThatCode(() -> RuleSetCheck.validate(new RawJson(ruleSet.replace('\'', '"'))))
        .doesNotThrowAnyException();
  }
}
