package io.wabiz.simulator;

import java.util.List;
import java.util.Optional;

import io.wabiz.simulator.SimulatorProperties.PhoneNumber;

/** The business phone numbers the simulator plays; the first one is the default for new chats. */
public final class BusinessNumbers {

    private final List<PhoneNumber> numbers;

    public BusinessNumbers(List<PhoneNumber> numbers) {
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("at least one simulator.phone-numbers entry is needed");
        }
        this.numbers = List.copyOf(numbers);
    }

    public Optional<PhoneNumber> find(String id) {
        return numbers.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public List<PhoneNumber> ofWaba(String wabaId) {
        return numbers.stream().filter(n -> n.wabaId().equals(wabaId)).toList();
    }

    public boolean isWaba(String id) {
        return numbers.stream().anyMatch(n -> n.wabaId().equals(id));
    }

    public PhoneNumber defaultNumber() {
        return numbers.getFirst();
    }

    public List<PhoneNumber> all() {
        return numbers;
    }
}
