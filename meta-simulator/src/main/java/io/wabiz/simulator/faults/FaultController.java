package io.wabiz.simulator.faults;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /simulator/faults}: the Graph fault in force, set and cleared by a rehearsal. */
@RestController
class FaultController {

    private final GraphFaults faults;

    FaultController(GraphFaults faults) {
        this.faults = faults;
    }

    record FaultState(GraphFault fault, int hits) {
    }

    @GetMapping("/simulator/faults")
    FaultState fault() {
        return new FaultState(faults.current().orElse(null), faults.hits());
    }

    @PutMapping("/simulator/faults")
    FaultState set(@RequestBody GraphFault fault) {
        faults.set(fault);
        return fault();
    }

    @DeleteMapping("/simulator/faults")
    FaultState clear() {
        faults.clear();
        return fault();
    }
}
