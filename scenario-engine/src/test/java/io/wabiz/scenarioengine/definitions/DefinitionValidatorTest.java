package io.wabiz.scenarioengine.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.scenarioengine.actions.Action;
import io.wabiz.scenarioengine.actions.ButtonBinding;
import io.wabiz.scenarioengine.admin.DefaultDefinitions;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition.Form;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition.Option;
import io.wabiz.scenarioengine.texts.Texts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What cannot be saved, and why, without Spring. */
class DefinitionValidatorTest {

    private final DefinitionValidator validator = new DefinitionValidator(List.of("fr", "en"), "fr");

    private static ScenarioDefinition scenario(String id, String next, Option... extra) {
        List<Option> options = new java.util.ArrayList<>(List.of(new Option("go", Texts.of("Suite", "Next"), null,
                Texts.of("Ok", "Ok"), List.of(), next, Map.of())));
        options.addAll(List.of(extra));
        return new ScenarioDefinition(id, null, new ScenarioDefinition.Message(Form.BUTTONS, null,
                Texts.of("Bonjour", "Hello"), null, null), options, Map.of("fr", List.of(id + "kw")), null);
    }

    private static Definitions with(ScenarioDefinition... scenarios) {
        Map<String, Versioned<ScenarioDefinition>> all = new HashMap<>();
        for (ScenarioDefinition s : scenarios) {
            all.put(s.id(), new Versioned<>(s, 1, true, Instant.EPOCH, "test"));
        }
        return new Definitions(Map.of(), all);
    }

    @Test
    void shippedDefaultsAreValid() {
        ScenarioDefinition menu = DefaultDefinitions.read("defaults/scenarios/menu.json", ScenarioDefinition.class);
        assertThat(validator.validate(menu, Definitions.empty()).problems()).isEmpty();
        for (String id : DefaultDefinitions.ACTIONS) {
            ButtonBinding binding = DefaultDefinitions.read("defaults/actions/" + id + ".json", ButtonBinding.class);
            assertThat(validator.validate(binding, with(menu)).problems()).as(id).isEmpty();
        }
    }

    @Test
    void aButtonTitleOverTwentyCharactersIsRefusedNamingTheFieldAndTheLimit() {
        ScenarioDefinition tooLong = new ScenarioDefinition("s", null, new ScenarioDefinition.Message(Form.BUTTONS,
                null, Texts.of("Bonjour", "Hello"), null, null), List.of(new Option("a",
                Texts.of("Un titre bien trop long pour un bouton", "Short"), null, Texts.of("Ok", "Ok"), List.of(),
                null, Map.of())), Map.of(), null);
        assertThat(validator.validate(tooLong, Definitions.empty()).problems())
                .anyMatch(p -> p.contains("message (fr)") && p.contains("button title") && p.contains("20"));
    }

    @Test
    void aPlaceholderAtItsLongestCountsAgainstTheLimit() {
        String body = "x".repeat(1024 - 10) + "{customerName}"; // 1014 + up to 40 characters
        ScenarioDefinition s = new ScenarioDefinition("s", null, new ScenarioDefinition.Message(Form.BUTTONS, null,
                Texts.of(body, "Hello"), null, null), List.of(new Option("a", Texts.of("A", "A"), null,
                Texts.of("Ok", "Ok"), List.of(), null, Map.of())), Map.of(), null);
        assertThat(validator.validate(s, Definitions.empty()).problems()).anyMatch(p -> p.contains("1024"));
    }

    @Test
    void aLoopWithNoExitIsRefusedAndOneWithAnExitIsNot() {
        ScenarioDefinition a = scenario("a", "b");
        ScenarioDefinition b = scenario("b", "a");
        assertThat(validator.validate(b, with(a)).problems()).anyMatch(p -> p.contains("loop with no exit")
                && p.contains("a -> b") || p.contains("b -> a"));
        ScenarioDefinition bWithExit = scenario("b", "a", new Option("stop", Texts.of("Fin", "End"), null,
                Texts.of("Au revoir", "Bye"), List.of(), null, Map.of()));
        assertThat(validator.validate(bWithExit, with(a)).problems()).isEmpty();
    }

    @Test
    void aMissingNextScenarioOrOpenScenarioTargetIsRefused() {
        assertThat(validator.validate(scenario("a", "ghost"), Definitions.empty()).problems())
                .anyMatch(p -> p.contains("'ghost' does not exist"));
        ButtonBinding binding = new ButtonBinding("b", null, new ButtonBinding.ButtonMatch("promo", "open", null),
                List.of(new Action.OpenScenario("ghost")));
        assertThat(validator.validate(binding, Definitions.empty()).problems())
                .anyMatch(p -> p.contains("'ghost' does not exist"));
    }

    @Test
    void orderActionsOnlyOnOrderButtonsAndUnknownPlaceholdersRefused() {
        ButtonBinding wrong = new ButtonBinding("b", null, new ButtonBinding.ButtonMatch("invoice", "confirm", null),
                List.of(new Action.ConfirmOrder(Texts.of("Commande {orderNumber} {secret}", "Order {orderNumber}"))));
        List<String> problems = validator.validate(wrong, Definitions.empty()).problems();
        assertThat(problems).anyMatch(p -> p.contains("order buttons only"));
        assertThat(problems).anyMatch(p -> p.contains("unknown placeholder {secret}"));
    }

    @Test
    void aKeywordAnotherScenarioOpensIsRefused() {
        ScenarioDefinition other = scenario("other", null);
        ScenarioDefinition mine = new ScenarioDefinition("mine", null, other.message(), other.options(),
                Map.of("fr", List.of("OTHERKW")), null);
        assertThat(validator.validate(mine, with(other)).problems())
                .anyMatch(p -> p.contains("'otherkw' already opens scenario 'other'"));
    }

    @Test
    void aMissingTranslationIsAWarningNotAProblem() {
        ScenarioDefinition frenchOnly = new ScenarioDefinition("f", null, new ScenarioDefinition.Message(Form.BUTTONS,
                null, Texts.of(Map.of("fr", "Bonjour")), null, null), List.of(new Option("a",
                Texts.of(Map.of("fr", "Oui")), null, Texts.of(Map.of("fr", "Merci")), List.of(), null, Map.of())),
                Map.of(), null);
        DefinitionValidator.Report report = validator.validate(frenchOnly, Definitions.empty());
        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).anyMatch(w -> w.contains("no 'en' text"));
    }
}
