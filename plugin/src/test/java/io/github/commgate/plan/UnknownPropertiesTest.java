package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class UnknownPropertiesTest {

    private static final Set<String> KNOWN = Set.of("commgate.trials", "commgate.threshold", "commgate.worldSize",
            "commgate.warmups", "commgate.skip");

    @Test
    void aMisspeltPropertyIsNamedWithTheParameterItMostLikelyMeant() {
        Map<String, String> properties = new TreeMap<>(Map.of("commgate.trial", "10", "commgate.treshold", "5",
                "commgate.worldsize", "4", "commgate.trials", "20", "maven.test.skip", "true", "commgate.zzzzzzzzzz", "1"));
        assertEquals(List.of(
                "-Dcommgate.treshold sets no commgate parameter and is ignored; did you mean commgate.threshold?",
                "-Dcommgate.trial sets no commgate parameter and is ignored; did you mean commgate.trials?",
                "-Dcommgate.worldsize sets no commgate parameter and is ignored; did you mean commgate.worldSize?",
                "-Dcommgate.zzzzzzzzzz sets no commgate parameter and is ignored"),
                UnknownProperties.sentences(properties, KNOWN));
    }

    @Test
    void knownPropertiesOthersAndTheWorkersOwnPass() {
        assertEquals(List.of(), UnknownProperties.sentences(Map.of("commgate.trials", "1", "commgate.rank", "0", "it.sizes", "32"),
                KNOWN));
    }

    @Test
    void editsCountsLettersAddedDroppedAndChanged() {
        assertEquals(0, UnknownProperties.edits("trials", "trials"));
        assertEquals(1, UnknownProperties.edits("trial", "trials"));
        assertEquals(1, UnknownProperties.edits("treshold", "threshold"));
        assertEquals(2, UnknownProperties.edits("warmpus", "warmups"));
    }
}
