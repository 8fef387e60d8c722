package io.wabiz.scenarioengine.definitions;

import java.util.List;

/** A definition that cannot be saved: every reason found, each naming the field it is about. */
public final class InvalidDefinition extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidDefinition(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
