package io.wabiz.scenarioengine.scenarios;

import io.wabiz.scenarioengine.actions.Action;
import io.wabiz.scenarioengine.definitions.Definitions;
import io.wabiz.scenarioengine.definitions.Versioned;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scenarios as a graph (an option's next scenario and its open-scenario actions are edges), with a scenario
 * being saved in place of its current version. A scenario can be left when one of its options ends it; a loop is
 * a trap when none of the scenarios reachable from the saved one can reach such an option.
 */
public final class ScenarioGraph {

    private final Map<String, Set<String>> edges = new HashMap<>();
    private final Set<String> exits = new HashSet<>();
    private final String start;

    public ScenarioGraph(Definitions current, ScenarioDefinition saving) {
        for (Versioned<ScenarioDefinition> scenario : current.scenarios().values()) {
            if (scenario.enabled() && !scenario.definition().id().equals(saving.id())) {
                add(scenario.definition());
            }
        }
        add(saving);
        this.start = saving.id();
    }

    private void add(ScenarioDefinition scenario) {
        Set<String> next = new LinkedHashSet<>();
        for (ScenarioDefinition.Option option : scenario.options()) {
            List<String> targets = new ArrayList<>();
            if (!option.endsScenario()) {
                targets.add(option.next());
            }
            option.actions().stream().filter(a -> a instanceof Action.OpenScenario)
                    .map(a -> ((Action.OpenScenario) a).scenario()).forEach(targets::add);
            if (targets.isEmpty()) {
                exits.add(scenario.id());
            }
            next.addAll(targets);
        }
        edges.put(scenario.id(), next);
    }

    /** The scenarios of a loop no option leaves, from the saved scenario, in order; empty when there is none. */
    public Optional<List<String>> loopWithoutExit() {
        Set<String> canLeave = new HashSet<>(exits);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> node : edges.entrySet()) {
                if (!canLeave.contains(node.getKey()) && node.getValue().stream().anyMatch(canLeave::contains)) {
                    canLeave.add(node.getKey());
                    grew = true;
                }
            }
        }
        Set<String> reachable = reachableFrom(start);
        Optional<String> trapped = reachable.stream().filter(s -> edges.containsKey(s) && !canLeave.contains(s))
                .findFirst();
        return trapped.map(this::cycleThrough);
    }

    private Set<String> reachableFrom(String from) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String node = todo.pop();
            if (seen.add(node)) {
                todo.addAll(edges.getOrDefault(node, Set.of()));
            }
        }
        return seen;
    }

    /** A path that starts at a trapped scenario and comes back to a scenario already on it. */
    private List<String> cycleThrough(String from) {
        List<String> path = new ArrayList<>();
        Set<String> onPath = new HashSet<>();
        String node = from;
        while (node != null && onPath.add(node)) {
            path.add(node);
            node = edges.getOrDefault(node, Set.of()).stream().filter(edges::containsKey).findFirst().orElse(null);
        }
        if (node != null) {
            path.add(node);
            return path.subList(path.indexOf(node), path.size());
        }
        return path;
    }
}
