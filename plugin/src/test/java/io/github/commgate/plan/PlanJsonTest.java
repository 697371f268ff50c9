package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every plan field survives a trip through the JSON that results.json and benchmark.json hold. */
class PlanJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A value other than the builder's default in every field, so a field the JSON forgets cannot pass. */
    static final BenchmarkPlan UNUSUAL = BenchmarkPlan.builder().backend(Backend.CUDA).worldSize(4)
            .communicators("custom-twoshot", "nccl").sequenceLengths(64, 16).hiddenSize(4096).dtype(DType.FP16)
            .protocol(new MeasuringProtocol(2, 7, 3, 256L << 20)).customMaxBytes(32L << 20).build();

    @Test
    void theFixtureDiffersFromTheDefaultsInEveryField() throws Exception {
        BenchmarkPlan defaults = BenchmarkPlan.builder().build();
        for (RecordComponent field : BenchmarkPlan.class.getRecordComponents()) {
            assertNotEquals(field.getAccessor().invoke(defaults), field.getAccessor().invoke(UNUSUAL),
                    "give UNUSUAL a value other than the default for " + field.getName());
        }
    }

    @Test
    void everyFieldReadsBackAsWritten() throws Exception {
        ObjectNode node = JSON.createObjectNode();
        PlanJson.write(UNUSUAL, node);
        assertEquals(UNUSUAL, PlanJson.read(JSON.readTree(JSON.writeValueAsString(node))));
    }

    @Test
    void aFileFromBeforeTheKernelLimitWasRecordedReadsAsTheDefaultLimit() throws Exception {
        ObjectNode node = JSON.createObjectNode();
        PlanJson.write(UNUSUAL, node);
        node.remove(PlanJson.CUSTOM_MAX_BYTES);
        assertEquals(Defaults.CUSTOM_MAX_BYTES, PlanJson.read(node).customMaxBytes());
    }

    @Test
    void aFileFromBeforeTheCacheColdModeReadsAsOneBufferPerPoint() throws Exception {
        ObjectNode node = JSON.createObjectNode();
        PlanJson.write(UNUSUAL, node);
        node.remove(PlanJson.ROTATING_BUFFER_SIZE);
        assertEquals(new MeasuringProtocol(2, 7, 3), PlanJson.read(node).protocol());
    }

    @Test
    void aMissingOrWrongFieldIsNamed() {
        ObjectNode node = JSON.createObjectNode();
        PlanJson.write(UNUSUAL, node);
        node.put(PlanJson.TRIALS, "many");
        assertEquals(List.of("expected a whole number for 'num_trials'"),
                assertThrows(InvalidSettingsException.class, () -> PlanJson.read(node)).problems());
        node.put(PlanJson.BACKEND, "tpu");
        assertEquals(List.of("unknown backend 'tpu' in 'backend'"),
                assertThrows(InvalidSettingsException.class, () -> PlanJson.read(node)).problems());
    }
}
