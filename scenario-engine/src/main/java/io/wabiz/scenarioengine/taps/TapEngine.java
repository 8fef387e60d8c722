package io.wabiz.scenarioengine.taps;

import io.wabiz.events.buttons.ButtonId;
import io.wabiz.scenarioengine.actions.Action;
import io.wabiz.scenarioengine.actions.ActionRunner;
import io.wabiz.scenarioengine.actions.Answers;
import io.wabiz.scenarioengine.actions.ButtonBinding;
import io.wabiz.scenarioengine.definitions.Definitions;
import io.wabiz.scenarioengine.definitions.Versioned;
import io.wabiz.scenarioengine.partners.PartnerView;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;
import io.wabiz.scenarioengine.state.ConversationState;
import io.wabiz.scenarioengine.texts.Placeholder.Scope;
import io.wabiz.scenarioengine.texts.Wording;
import io.wabiz.events.outbound.OutboundContent;
import java.util.Optional;

/**
 * Decides what a tap or a keyword does, as a {@link Plan}, reading only its {@link TapContext}: a scenario's button
 * runs that option of the scenario the conversation is in (an expired or changed menu restarts cleanly), a
 * {@code menu:{scenario}} button or a keyword opens a scenario, a document button ({@code order:42:confirm:v3})
 * runs the actions of its binding. Pure: the dry run and the live path share it.
 */
public final class TapEngine {

    private final ActionRunner actions;
    private final Answers answers;
    private final Wording wording;

    public TapEngine(ActionRunner actions, Answers answers, Wording wording) {
        this.actions = actions;
        this.answers = answers;
        this.wording = wording;
    }

    public Plan decide(Tap tap, TapContext context) {
        Run run = new Run(tap, context, language(tap, context));
        switch (tap.trigger()) {
            case Tap.Text text -> keyword(run, text.body());
            case Tap.Button button -> button(run, button);
        }
        return run.plan();
    }

    /** The conversation's language while its state lasts, else the customer's ERP language, else the default. */
    private String language(Tap tap, TapContext context) {
        Optional<ConversationState> state = context.state(tap.conversationKey());
        if (state.isPresent() && state.get().language() != null && state.get().expiresAt().isAfter(context.now())) {
            return wording.language(state.get().language());
        }
        return context.partners(tap.customerWaId()).stream().map(PartnerView::language)
                .filter(l -> l != null && !l.isBlank()).findFirst().map(wording::language)
                .orElse(wording.defaultLanguage());
    }

    private void keyword(Run run, String text) {
        Definitions definitions = run.context().definitions();
        Optional<Definitions.KeywordTarget> target = definitions.keyword(text);
        if (target.isEmpty()) {
            run.action("text");
            run.finish(TapOutcome.IGNORED, "not a keyword");
            return;
        }
        Definitions.KeywordTarget keyword = target.get();
        if (keyword.language() != null && !keyword.language().equals(run.language())
                && wording.languages().contains(keyword.language())) {
            run.language(keyword.language());
        }
        if (keyword.optionId() == null) {
            run.action("keyword:" + keyword.scenarioId());
            actions.openScenario(run, keyword.scenarioId(), "scenario:" + keyword.scenarioId());
            return;
        }
        Optional<Versioned<ScenarioDefinition>> scenario = definitions.scenario(keyword.scenarioId());
        Optional<ScenarioDefinition.Option> option = scenario.flatMap(s -> s.definition().option(keyword.optionId()));
        if (option.isEmpty()) {
            run.finish(TapOutcome.IGNORED, "keyword of a missing option");
            return;
        }
        runOption(run, scenario.get().definition(), option.get());
        run.action("keyword:" + keyword.scenarioId() + ":" + keyword.optionId());
    }

    private void button(Run run, Tap.Button button) {
        Optional<ButtonId> parsed = ButtonId.tryParse(button.payload());
        if (parsed.isEmpty()) {
            // a template's own quick-reply payload, or a customer's text as a button: it may still be a keyword
            keyword(run, button.payload());
            return;
        }
        ButtonId id = parsed.get();
        switch (id.document()) {
            case ButtonId.SCENARIO -> scenarioOption(run, id);
            case ButtonId.MENU -> {
                run.action("menu:" + id.documentId());
                actions.openScenario(run, id.documentId(), "scenario:" + id.documentId());
            }
            default -> bound(run, id);
        }
    }

    private void bound(Run run, ButtonId id) {
        Optional<Versioned<ButtonBinding>> binding = run.context().definitions().bindingFor(id);
        if (binding.isEmpty()) {
            run.action("unbound:" + id.document() + ":" + id.action());
            run.reply(new OutboundContent.Text(wording.render(answers.unknownButton(), run.language(), Scope.GENERAL,
                    run.values()), false), null, null, "scenario-engine");
            run.finish(TapOutcome.UNKNOWN_BUTTON, "no binding for " + id.document() + ":{id}:" + id.action());
            return;
        }
        String source = "action:" + binding.get().definition().id();
        run.action(binding.get().definition().actions().isEmpty() ? "none"
                : binding.get().definition().actions().getFirst().name());
        for (Action action : binding.get().definition().actions()) {
            if (run.finished()) {
                break;
            }
            actions.run(run, action, id, source);
        }
    }

    private void scenarioOption(Run run, ButtonId id) {
        String scenarioId = id.documentId();
        run.action("scenario:" + scenarioId + ":" + id.action());
        Optional<Versioned<ScenarioDefinition>> scenario = run.context().definitions().scenario(scenarioId);
        if (scenario.isEmpty()) {
            run.reply(new OutboundContent.Text(wording.render(answers.menuUnavailable(), run.language(), Scope.GENERAL,
                    run.values()), false), null, null, "scenario:" + scenarioId);
            run.finish(TapOutcome.UNKNOWN_BUTTON, "scenario " + scenarioId + " is unknown or disabled");
            return;
        }
        ConversationState.OpenScenario open = run.state().activeScenario(run.now());
        Optional<ScenarioDefinition.Option> option = id.action() == null ? Optional.empty()
                : scenario.get().definition().option(id.action());
        if (open == null || !open.scenarioId().equals(scenarioId) || option.isEmpty()) {
            run.reply(new OutboundContent.Text(wording.render(answers.menuExpired(), run.language(), Scope.GENERAL,
                    run.values()), false), null, null, "scenario:" + scenarioId);
            actions.openScenario(run, scenarioId, "scenario:" + scenarioId);
            run.finish(TapOutcome.RESTARTED, open == null ? "no open scenario" : option.isEmpty()
                    ? "option " + id.action() + " no longer exists" : "the conversation is in " + open.scenarioId());
            return;
        }
        runOption(run, scenario.get().definition(), option.get());
    }

    /** An option: its reply, its actions, then the next scenario's message (or the scenario ends). */
    private void runOption(Run run, ScenarioDefinition scenario, ScenarioDefinition.Option option) {
        String source = "scenario:" + scenario.id();
        run.state(run.state().withScenario(null, run.now()));
        String reply = wording.render(option.reply(), run.language(), Scope.GENERAL, run.values());
        if (reply != null && !reply.isBlank()) {
            run.reply(new OutboundContent.Text(reply, false), null, null, source);
        }
        for (Action action : option.actions()) {
            if (run.finished()) {
                return;
            }
            actions.run(run, action, null, source);
        }
        if (!option.endsScenario() && !run.finished()) {
            actions.openScenario(run, option.next(), source);
        }
    }
}
