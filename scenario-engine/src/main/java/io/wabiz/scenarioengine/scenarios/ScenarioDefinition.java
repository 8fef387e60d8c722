package io.wabiz.scenarioengine.scenarios;

import io.wabiz.events.Immutables;
import io.wabiz.scenarioengine.actions.Action;
import io.wabiz.scenarioengine.texts.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario: an opening message with up to three reply buttons or a list of up to ten rows; each button or row
 * answers with an optional reply, runs optional actions and may lead to a next scenario. Customers enter by a
 * keyword or from another scenario. Data only: checked against WhatsApp's limits and for loops when saved.
 *
 * @param keywords words that open the scenario, by language ({@code {"fr": ["menu", "aide"]}}); compared
 *                 without accents, case or punctuation, as the whole message
 * @param expiry   how long a tap on this scenario's message still counts (else the engine's default); a later
 *                 tap restarts the scenario cleanly
 */
public record ScenarioDefinition(String id, String description, Message message, List<Option> options,
                                 Map<String, List<String>> keywords, Duration expiry) {

    public ScenarioDefinition {
        options = Immutables.list(options);
        keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    public enum Form { BUTTONS, LIST }

    /**
     * @param listButton the title of the button that opens the list (list form only)
     */
    public record Message(Form form, Texts header, Texts body, Texts footer, Texts listButton) {
    }

    /**
     * One reply button or list row.
     *
     * @param title       the button's or row's title
     * @param description the row's second line (list form only)
     * @param reply       an optional text sent when it is tapped
     * @param actions     actions run when it is tapped, after the reply
     * @param next        the scenario whose message follows, if any; an option without one ends the scenario
     * @param keywords    words that run this option directly, by language ({@code {"fr": ["factures"]}})
     */
    public record Option(String id, Texts title, Texts description, Texts reply, List<Action> actions, String next,
                         Map<String, List<String>> keywords) {

        public Option {
            actions = Immutables.list(actions);
            keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
        }

        public boolean endsScenario() {
            return next == null || next.isBlank();
        }
    }
}
