package io.wabiz.scenarioengine.definitions;

import io.wabiz.events.buttons.ButtonId;
import io.wabiz.scenarioengine.actions.ButtonBinding;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;
import io.wabiz.scenarioengine.texts.Normalized;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The definitions in force: the current version of every binding and scenario, enabled or not, indexed for
 * taps (binding by button id) and keywords. Immutable; the registry swaps in a new one after every change.
 */
public final class Definitions {

    /** What a keyword opens: a scenario, or one option of it; {@code language} when the word belongs to one. */
    public record KeywordTarget(String scenarioId, String optionId, String language) {
    }

    private final Map<String, Versioned<ButtonBinding>> bindings;
    private final Map<String, Versioned<ScenarioDefinition>> scenarios;
    private final Map<String, Versioned<ButtonBinding>> bindingsByMatch = new HashMap<>();
    private final Map<String, KeywordTarget> keywords = new HashMap<>();

    public Definitions(Map<String, Versioned<ButtonBinding>> bindings,
                       Map<String, Versioned<ScenarioDefinition>> scenarios) {
        this.bindings = Map.copyOf(bindings);
        this.scenarios = Map.copyOf(scenarios);
        bindings.values().stream().filter(Versioned::enabled).forEach(b -> {
            ButtonBinding.ButtonMatch match = b.definition().match();
            bindingsByMatch.put(matchKey(match.document(), match.action(), match.argument()), b);
        });
        scenarios.values().stream().filter(Versioned::enabled)
                .sorted(java.util.Comparator.comparing(s -> s.definition().id()))
                .forEach(s -> indexKeywords(s.definition()));
    }

    public static Definitions empty() {
        return new Definitions(Map.of(), Map.of());
    }

    private void indexKeywords(ScenarioDefinition scenario) {
        keywordsOf(scenario).forEach((word, target) -> keywords.putIfAbsent(word, target));
    }

    /** Every keyword of a scenario, normalised, with what it opens. */
    public static Map<String, KeywordTarget> keywordsOf(ScenarioDefinition scenario) {
        Map<String, KeywordTarget> found = new LinkedHashMap<>();
        collect(found, scenario.keywords(), scenario.id(), null);
        for (ScenarioDefinition.Option option : scenario.options()) {
            collect(found, option.keywords(), scenario.id(), option.id());
        }
        return found;
    }

    private static void collect(Map<String, KeywordTarget> found, Map<String, List<String>> byLanguage,
                                String scenarioId, String optionId) {
        Map<String, Set<String>> languagesOfWord = new LinkedHashMap<>();
        byLanguage.forEach((language, words) -> words.forEach(word -> languagesOfWord
                .computeIfAbsent(Normalized.keyword(word), w -> new TreeSet<>()).add(language)));
        languagesOfWord.forEach((word, languages) -> {
            if (!word.isEmpty()) {
                found.put(word, new KeywordTarget(scenarioId, optionId,
                        languages.size() == 1 ? languages.iterator().next() : null));
            }
        });
    }

    private static String matchKey(String document, String action, String argument) {
        return document + '\u0000' + action + '\u0000' + (argument == null ? "" : argument);
    }

    /** The enabled binding of a button: the one naming its argument, else the one for any argument. */
    public Optional<Versioned<ButtonBinding>> bindingFor(ButtonId button) {
        if (button.action() == null) {
            return Optional.empty();
        }
        if (button.argument() != null) {
            Versioned<ButtonBinding> exact = bindingsByMatch.get(matchKey(button.document(), button.action(),
                    button.argument()));
            if (exact != null) {
                return Optional.of(exact);
            }
        }
        return Optional.ofNullable(bindingsByMatch.get(matchKey(button.document(), button.action(), null)));
    }

    /** The enabled current version of a scenario. */
    public Optional<Versioned<ScenarioDefinition>> scenario(String id) {
        return Optional.ofNullable(id == null ? null : scenarios.get(id)).filter(Versioned::enabled);
    }

    /** The current version of a scenario, enabled or not. */
    public Optional<Versioned<ScenarioDefinition>> anyScenario(String id) {
        return Optional.ofNullable(id == null ? null : scenarios.get(id));
    }

    public Optional<Versioned<ButtonBinding>> anyBinding(String id) {
        return Optional.ofNullable(id == null ? null : bindings.get(id));
    }

    /** What a whole message opens, when it is a keyword of an enabled scenario. */
    public Optional<KeywordTarget> keyword(String message) {
        String word = Normalized.keyword(message);
        return word.isEmpty() ? Optional.empty() : Optional.ofNullable(keywords.get(word));
    }

    public Map<String, Versioned<ButtonBinding>> bindings() {
        return bindings;
    }

    public Map<String, Versioned<ScenarioDefinition>> scenarios() {
        return scenarios;
    }
}
