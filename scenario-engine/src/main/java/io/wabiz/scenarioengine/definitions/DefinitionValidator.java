package io.wabiz.scenarioengine.definitions;

import io.wabiz.events.buttons.ButtonId;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.WhatsAppLimits;
import io.wabiz.scenarioengine.actions.Action;
import io.wabiz.scenarioengine.actions.ButtonBinding;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition.Option;
import io.wabiz.scenarioengine.scenarios.ScenarioGraph;
import io.wabiz.scenarioengine.texts.Placeholder.Scope;
import io.wabiz.scenarioengine.texts.TextTemplate;
import io.wabiz.scenarioengine.texts.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a definition before it is saved, so that nothing stored can fail at run time for its shape: every text
 * in every language is rendered with each placeholder at its longest and built into the very
 * {@link OutboundContent} it will be sent as (whose constructors apply {@link WhatsAppLimits}); references to
 * scenarios must exist; a scenario may not start a loop that no option leaves; keywords may not collide. Over 350
 * lines because each rule is a few lines over the same walk of the definition, and the whole of what a saved
 * definition promises is read in one class.
 */
public final class DefinitionValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern OPTION_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,23}");
    private static final String LONGEST_VERSION = "99999";
    private static final Duration MIN_EXPIRY = Duration.ofMinutes(1);
    private static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final List<String> languages;
    private final String defaultLanguage;

    public DefinitionValidator(List<String> languages, String defaultLanguage) {
        this.languages = List.copyOf(languages);
        this.defaultLanguage = defaultLanguage;
    }

    /** Problems make a definition unsavable; warnings (a missing translation) do not. */
    public record Report(List<String> problems, List<String> warnings) {
        public boolean valid() {
            return problems.isEmpty();
        }

        public void throwIfInvalid() {
            if (!problems.isEmpty()) {
                throw new InvalidDefinition(problems);
            }
        }
    }

    public Report validate(Object definition, Definitions current) {
        Check check = new Check();
        switch (definition) {
            case ButtonBinding binding -> binding(binding, current, check);
            case ScenarioDefinition scenario -> scenario(scenario, current, check);
            case null -> check.problem("definition", "is required");
            default -> check.problem("definition", "unknown kind " + definition.getClass().getSimpleName());
        }
        return new Report(List.copyOf(check.problems), List.copyOf(check.warnings));
    }

    private void binding(ButtonBinding binding, Definitions current, Check check) {
        id("id", binding.id(), check);
        ButtonBinding.ButtonMatch match = binding.match();
        Action.Subject subject = Action.Subject.NONE;
        if (match == null) {
            check.problem("match", "is required ({document, action, argument?})");
        } else {
            segment("match.document", match.document(), true, check);
            segment("match.action", match.action(), true, check);
            segment("match.argument", match.argument(), false, check);
            if (ButtonId.SCENARIO.equals(match.document()) || ButtonId.MENU.equals(match.document())) {
                check.problem("match.document", "'" + match.document() + "' buttons belong to scenarios; define a "
                        + "scenario instead");
            }
            subject = ButtonId.ORDER.equals(match.document()) ? Action.Subject.ORDER
                    : ButtonId.INVOICE.equals(match.document()) ? Action.Subject.INVOICE : Action.Subject.NONE;
            for (Versioned<ButtonBinding> other : current.bindings().values()) {
                ButtonBinding o = other.definition();
                if (other.enabled() && !o.id().equals(binding.id()) && match.equals(o.match())) {
                    check.problem("match", "buttons " + match + " are already bound by '" + o.id() + "'");
                }
            }
        }
        actions("actions", binding.actions(), subject, true, current, null, check);
    }

    private void scenario(ScenarioDefinition scenario, Definitions current, Check check) {
        id("id", scenario.id(), check);
        if (scenario.expiry() != null && (scenario.expiry().compareTo(MIN_EXPIRY) < 0
                || scenario.expiry().compareTo(MAX_EXPIRY) > 0)) {
            check.problem("expiry", "must be between 1 minute and 7 days, not " + scenario.expiry());
        }
        ScenarioDefinition.Message message = scenario.message();
        if (message == null || message.form() == null) {
            check.problem("message", "is required, with a form (BUTTONS or LIST) and a body");
            return;
        }
        List<Option> options = scenario.options();
        Set<String> optionIds = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            String at = "options[" + i + "]";
            if (option.id() == null || !OPTION_ID.matcher(option.id()).matches()) {
                check.problem(at + ".id", "must be 1 to 24 of a-z, 0-9, _ and -, starting with a letter or digit");
            } else if (!optionIds.add(option.id())) {
                check.problem(at + ".id", "'" + option.id() + "' is used twice");
            }
            texts(at + ".title", option.title(), Scope.GENERAL, true, check);
            if (message.form() == ScenarioDefinition.Form.BUTTONS && option.description() != null
                    && !option.description().isEmpty()) {
                check.problem(at + ".description", "only list rows have a description");
            }
            texts(at + ".description", option.description(), Scope.GENERAL, false, check);
            texts(at + ".reply", option.reply(), Scope.GENERAL, false, check);
            check.eachLanguage(at + ".reply", option.reply(), Scope.GENERAL,
                    text -> new OutboundContent.Text(text, false));
            boolean doesSomething = (option.reply() != null && !option.reply().isEmpty()) || !option.actions().isEmpty()
                    || !option.endsScenario();
            if (!doesSomething) {
                check.problem(at, "does nothing: give it a reply, an action or a next scenario");
            }
            actions(at + ".actions", option.actions(), Action.Subject.NONE, false, current, scenario, check);
            if (!option.endsScenario() && !scenario.id().equals(option.next())
                    && current.anyScenario(option.next()).isEmpty()) {
                check.problem(at + ".next", "scenario '" + option.next() + "' does not exist");
            } else if (!option.endsScenario() && current.anyScenario(option.next()).map(s -> !s.enabled())
                    .orElse(false)) {
                check.problem(at + ".next", "scenario '" + option.next() + "' is disabled");
            }
        }
        message(scenario, check);
        keywords(scenario, current, check);
        if (check.problems.isEmpty()) {
            new ScenarioGraph(current, scenario).loopWithoutExit().ifPresent(loop -> check.problem("options",
                    "scenarios " + String.join(" -> ", loop) + " form a loop with no exit: every option of them "
                            + "leads to another scenario of the loop; give one option no next scenario"));
        }
    }

    /** Builds the opening message in every language, every text at its longest, as WhatsApp will get it. */
    private void message(ScenarioDefinition scenario, Check check) {
        ScenarioDefinition.Message message = scenario.message();
        texts("message.header", message.header(), Scope.GENERAL, false, check);
        texts("message.body", message.body(), Scope.GENERAL, true, check);
        texts("message.footer", message.footer(), Scope.GENERAL, false, check);
        boolean list = message.form() == ScenarioDefinition.Form.LIST;
        texts("message.listButton", message.listButton(), Scope.GENERAL, list, check);
        if (!check.problems.isEmpty()) {
            return;
        }
        String id = scenario.id();
        for (String language : languagesOf(message.body())) {
            check.attempt("message (" + language + ")", () -> {
                String header = longest(message.header(), language);
                String body = longest(message.body(), language);
                String footer = longest(message.footer(), language);
                if (list) {
                    List<OutboundContent.ListRow> rows = scenario.options().stream()
                            .map(o -> new OutboundContent.ListRow(ButtonId.of(ButtonId.SCENARIO, id, o.id(),
                                    LONGEST_VERSION).forListRow(), longest(o.title(), language),
                                    longest(o.description(), language))).toList();
                    new OutboundContent.ListMessage(header, body, footer, longest(message.listButton(), language),
                            List.of(new OutboundContent.ListSection(null, rows)));
                } else {
                    List<OutboundContent.ReplyButton> buttons = scenario.options().stream()
                            .map(o -> new OutboundContent.ReplyButton(ButtonId.of(ButtonId.SCENARIO, id, o.id(),
                                    LONGEST_VERSION).forReplyButton(), longest(o.title(), language))).toList();
                    new OutboundContent.ReplyButtons(header, body, footer, buttons);
                }
            });
        }
    }

    private void keywords(ScenarioDefinition scenario, Definitions current, Check check) {
        Map<String, String> mine = new HashMap<>();
        checkKeywordLanguages("keywords", scenario.keywords(), check);
        scenario.options().forEach(o -> checkKeywordLanguages("options." + o.id() + ".keywords", o.keywords(), check));
        Map<String, Definitions.KeywordTarget> words = Definitions.keywordsOf(scenario);
        // the same word twice inside the scenario (keywordsOf keeps the last): count raw occurrences
        Map<String, Integer> seen = new HashMap<>();
        countWords(scenario.keywords(), seen);
        scenario.options().forEach(o -> countWords(o.keywords(), seen));
        seen.forEach((word, times) -> {
            if (times > 1) {
                check.problem("keywords", "'" + word + "' is given more than once in this scenario");
            }
        });
        for (Versioned<ScenarioDefinition> other : current.scenarios().values()) {
            if (!other.enabled() || other.definition().id().equals(scenario.id())) {
                continue;
            }
            Definitions.keywordsOf(other.definition()).forEach((word, target) -> {
                if (words.containsKey(word)) {
                    mine.putIfAbsent(word, target.scenarioId());
                }
            });
        }
        mine.forEach((word, other) -> check.problem("keywords", "'" + word + "' already opens scenario '" + other + "'"));
    }

    /** Counts each word once per part (the scenario, each option), whatever the languages it is given in. */
    private static void countWords(Map<String, List<String>> byLanguage, Map<String, Integer> seen) {
        Set<String> words = new HashSet<>();
        byLanguage.values().forEach(list -> list.stream().map(io.wabiz.scenarioengine.texts.Normalized::keyword)
                .forEach(words::add));
        words.forEach(w -> seen.merge(w, 1, Integer::sum));
    }

    private void checkKeywordLanguages(String at, Map<String, List<String>> byLanguage, Check check) {
        byLanguage.forEach((language, words) -> {
            if (!languages.contains(language)) {
                check.warning(at + "." + language, "language '" + language + "' is not offered " + languages);
            }
            for (String word : words == null ? List.<String>of() : words) {
                String normal = io.wabiz.scenarioengine.texts.Normalized.keyword(word);
                if (normal.isEmpty() || normal.length() > 40) {
                    check.problem(at + "." + language, "'" + word + "' is not a keyword (1 to 40 letters or digits)");
                }
            }
        });
    }

    private void actions(String at, List<Action> actions, Action.Subject subject, boolean required,
                         Definitions current, ScenarioDefinition saving, Check check) {
        if (required && actions.isEmpty()) {
            check.problem(at, "needs at least one action");
        }
        if (actions.size() > 5) {
            check.problem(at, "has " + actions.size() + " actions; at most 5");
        }
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            String here = at + "[" + i + "]";
            if (action == null) {
                check.problem(here, "is empty");
                continue;
            }
            if (action.subject() != Action.Subject.NONE && action.subject() != subject) {
                check.problem(here, action.name() + " works on " + action.subject().name().toLowerCase()
                        + " buttons only (" + action.subject().name().toLowerCase() + ":{id}:...)");
            }
            action(here, action, current, saving, check);
        }
    }

    private void action(String at, Action action, Definitions current, ScenarioDefinition saving, Check check) {
        Function<String, OutboundContent> asText = text -> new OutboundContent.Text(text, false);
        switch (action) {
            case Action.Reply reply -> {
                texts(at + ".text", reply.text(), Scope.GENERAL, true, check);
                if (reply.linkUrl() == null) {
                    if (reply.linkTitle() != null && !reply.linkTitle().isEmpty()) {
                        check.problem(at + ".linkUrl", "is required with a link title");
                    }
                    check.eachLanguage(at + ".text", reply.text(), Scope.GENERAL, asText);
                } else {
                    texts(at + ".linkTitle", reply.linkTitle(), Scope.GENERAL, true, check);
                    if (!reply.linkUrl().startsWith("https://")) {
                        check.problem(at + ".linkUrl", "must be an https:// address");
                    }
                    for (String language : languagesOf(reply.text())) {
                        check.attempt(at + " (" + language + ")", () -> new OutboundContent.CtaUrl(null,
                                longest(reply.text(), language), null, longest(reply.linkTitle(), language),
                                reply.linkUrl()));
                    }
                }
            }
            case Action.ConfirmOrder confirm -> required(at + ".acknowledgement", confirm.acknowledgement(),
                    Scope.ORDER, asText, check);
            case Action.CancelOrder cancel -> {
                required(at + ".acknowledgement", cancel.acknowledgement(), Scope.ORDER, asText, check);
                Action.CancelQuestion question = cancel.question();
                if (question != null) {
                    texts(at + ".question.body", question.body(), Scope.ORDER, true, check);
                    texts(at + ".question.yesTitle", question.yesTitle(), Scope.GENERAL, true, check);
                    texts(at + ".question.noTitle", question.noTitle(), Scope.GENERAL, true, check);
                    required(at + ".question.keptAnswer", question.keptAnswer(), Scope.ORDER, asText, check);
                    for (String language : languagesOf(question.body())) {
                        check.attempt(at + ".question (" + language + ")", () -> new OutboundContent.ReplyButtons(
                                null, longest(question.body(), language), null, List.of(
                                new OutboundContent.ReplyButton("yes", longest(question.yesTitle(), language)),
                                new OutboundContent.ReplyButton("no", longest(question.noTitle(), language)))));
                    }
                }
            }
            case Action.SendOrderDetails details -> optional(at + ".acknowledgement", details.acknowledgement(),
                    Scope.ORDER, asText, check);
            case Action.SendInvoiceDetails details -> optional(at + ".acknowledgement", details.acknowledgement(),
                    Scope.INVOICE, asText, check);
            case Action.ResendInvoicePdf pdf -> optional(at + ".acknowledgement", pdf.acknowledgement(),
                    Scope.INVOICE, asText, check);
            case Action.ListOrders list -> listing(at, list.body(), list.empty(), list.listButton(), check);
            case Action.ListInvoices list -> listing(at, list.body(), list.empty(), list.listButton(), check);
            case Action.OpenScenario open -> {
                boolean self = saving != null && saving.id().equals(open.scenario());
                if (open.scenario() == null || (!self && current.anyScenario(open.scenario()).isEmpty())) {
                    check.problem(at + ".scenario", "scenario '" + open.scenario() + "' does not exist");
                } else if (!self && !current.anyScenario(open.scenario()).orElseThrow().enabled()) {
                    check.problem(at + ".scenario", "scenario '" + open.scenario() + "' is disabled");
                }
            }
            case Action.HandOff handOff -> {
                required(at + ".duringHours", handOff.duringHours(), Scope.HAND_OFF, asText, check);
                required(at + ".outsideHours", handOff.outsideHours(), Scope.HAND_OFF, asText, check);
                if (handOff.reason() != null && handOff.reason().length() > 200) {
                    check.problem(at + ".reason", "has " + handOff.reason().length() + " characters; at most 200");
                }
            }
            case Action.RecordOnly record -> {
                if (record.note() != null && record.note().length() > 200) {
                    check.problem(at + ".note", "has " + record.note().length() + " characters; at most 200");
                }
            }
        }
    }

    private void listing(String at, Texts body, Texts empty, Texts listButton, Check check) {
        texts(at + ".body", body, Scope.LIST, true, check);
        check.eachLanguage(at + ".body", body, Scope.LIST, text -> new OutboundContent.ReplyButtons(null, text, null,
                List.of(new OutboundContent.ReplyButton("x", "x"))));
        required(at + ".empty", empty, Scope.LIST, text -> new OutboundContent.Text(text, false), check);
        texts(at + ".listButton", listButton, Scope.GENERAL, true, check);
        check.eachLanguage(at + ".listButton", listButton, Scope.GENERAL, text -> {
            WhatsAppLimits.required("list button text", text, WhatsAppLimits.LIST_BUTTON_TEXT);
            return null;
        });
    }

    private void required(String at, Texts texts, Scope scope, Function<String, OutboundContent> build, Check check) {
        texts(at, texts, scope, true, check);
        check.eachLanguage(at, texts, scope, build);
    }

    private void optional(String at, Texts texts, Scope scope, Function<String, OutboundContent> build, Check check) {
        texts(at, texts, scope, false, check);
        check.eachLanguage(at, texts, scope, build);
    }

    /** Presence, languages and placeholders of one text. */
    private void texts(String at, Texts texts, Scope scope, boolean required, Check check) {
        if (texts == null || texts.isEmpty()) {
            if (required) {
                check.problem(at, "is required (in " + defaultLanguage + " at least)");
            }
            return;
        }
        if (!texts.languages().contains(defaultLanguage)) {
            check.problem(at, "needs a text in the default language '" + defaultLanguage + "'");
        }
        for (String language : languages) {
            if (!texts.languages().contains(language) && !language.equals(defaultLanguage)) {
                check.warning(at, "no '" + language + "' text: customers speaking it get the '" + defaultLanguage
                        + "' one");
            }
        }
        texts.byLanguage().forEach((language, text) -> {
            if (!languages.contains(language)) {
                check.warning(at + "." + language, "language '" + language + "' is not offered " + languages);
            }
            if (text.isBlank()) {
                check.problem(at + "." + language, "is blank");
            }
            try {
                TextTemplate.parse(text, scope);
            } catch (TextTemplate.InvalidText e) {
                check.problem(at + "." + language, e.getMessage());
            }
        });
    }

    private static String longest(Texts texts, String language) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        String text = texts.byLanguage().get(language);
        if (text == null) {
            return null; // the default language's text is checked on its own
        }
        try {
            return TextTemplate.parse(text, null).longest();
        } catch (TextTemplate.InvalidText e) {
            return text; // reported with its scope by texts()
        }
    }

    private List<String> languagesOf(Texts texts) {
        return texts == null ? List.of() : List.copyOf(texts.languages());
    }

    private static void id(String at, String id, Check check) {
        if (id == null || !ID.matcher(id).matches()) {
            check.problem(at, "must be 1 to 40 of a-z, 0-9, _ and -, starting with a letter or digit");
        }
    }

    private static void segment(String at, String value, boolean required, Check check) {
        if (value == null) {
            if (required) {
                check.problem(at, "is required");
            }
        } else if (!ID.matcher(value).matches()) {
            check.problem(at, "must be 1 to 40 of a-z, 0-9, _ and -");
        }
    }

    /** Collects the problems and warnings of one definition. */
    private final class Check {
        private final List<String> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, Boolean> reported = new LinkedHashMap<>();

        void problem(String at, String message) {
            String line = at + ": " + message;
            if (reported.putIfAbsent(line, true) == null) {
                problems.add(line);
            }
        }

        void warning(String at, String message) {
            String line = at + ": " + message;
            if (reported.putIfAbsent(line, false) == null) {
                warnings.add(line);
            }
        }

        void attempt(String at, Runnable build) {
            try {
                build.run();
            } catch (IllegalArgumentException e) {
                problem(at, e.getMessage());
            }
        }

        /** Renders each language's text at its longest into the content it becomes, so WhatsApp's limits apply. */
        void eachLanguage(String at, Texts texts, Scope scope, Function<String, OutboundContent> build) {
            if (texts == null) {
                return;
            }
            texts.byLanguage().forEach((language, text) -> {
                String longest;
                try {
                    longest = TextTemplate.parse(text, scope).longest();
                } catch (TextTemplate.InvalidText e) {
                    return; // reported by texts()
                }
                if (longest.isBlank()) {
                    return;
                }
                attempt(at + "." + language, () -> build.apply(longest));
            });
        }
    }
}
