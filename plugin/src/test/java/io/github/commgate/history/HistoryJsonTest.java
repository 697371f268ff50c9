package io.github.commgate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.GoldenFiles;
import io.github.commgate.gate.Runs;
import io.github.commgate.result.RunResult;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {

    @Test
    void aJudgedRunIsOneLineMatchingTheGoldenFile() throws IOException {
        GoldenFiles.assertMatches("history-record.jsonl", HistoryJson.line(HistoryRuns.judged()) + "\n");
    }

    @Test
    void aLineReadsBackAsTheSameRecord() {
        HistoryRecord record = HistoryRuns.judged();
        assertEquals(record, HistoryJson.parse(HistoryJson.line(record)));
    }

    @Test
    void aBenchmarkRunHasNoVerdictsBaselinesOrLimitsAndReadsBackSo() {
        RunResult run = Runs.run(List.of(Runs.measured("shm-oneshot", 16, Runs.around(40.2)),
                Runs.skipped("shm-twoshot", 16, "not here")));
        HistoryRecord record = HistoryRecord.of(run, HistoryRecord.MEASURED, List.of(), RunOrigin.UNKNOWN, "0.0.0-test");
        String line = HistoryJson.line(record);
        assertEquals("{\"format\":1,\"started_at\":\"2026-11-24T06:00:00Z\",\"tool\":\"commgate 0.0.0-test\","
                + "\"environment\":\"cpu-intel-xeon-platinum-8481c-2cpus-ws2-bf16-h8192\",\"environment_description\":"
                + "\"cpu backend on 2 CPUs (Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz), world size 2, bf16, hidden size 8192\","
                + "\"decision\":\"MEASURED\",\"points\":[{\"communicator\":\"shm-oneshot\",\"sequence_length\":16,\"bytes\":262144,"
                + "\"median_us\":40.2,\"iqr_us\":0.5499999999999972},{\"communicator\":\"shm-twoshot\",\"sequence_length\":16,"
                + "\"bytes\":262144}]}", line);
        assertEquals(record, HistoryJson.parse(line));
    }

    @Test
    void aLineOfAnotherFormatOrWithoutItsFieldsIsRefusedNamingWhatIsWrong() {
        assertEquals("format 2 is not supported; this commgate reads 1", assertThrows(IllegalArgumentException.class,
                () -> HistoryJson.parse("{\"format\":2}")).getMessage());
        assertEquals("expected text for 'environment'", assertThrows(IllegalArgumentException.class,
                () -> HistoryJson.parse("{\"format\":1,\"started_at\":\"2026-11-24T06:00:00Z\"}")).getMessage());
        assertEquals("started_at: 'yesterday' is not an instant", assertThrows(IllegalArgumentException.class,
                () -> HistoryJson.parse("{\"format\":1,\"started_at\":\"yesterday\"}")).getMessage());
    }
}
