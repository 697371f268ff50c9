package io.github.commgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gives one line naming the file, the place and what is wrong. */
class BaselineReaderTest {

    private static final String FILE = "src/commgate/x.json";

    private static String golden() throws IOException {
        return BaselineFileTest.golden("baseline.json");
    }

    private static String problem(String text) {
        return assertThrows(BaselineException.class, () -> BaselineReader.read(FILE, text)).getMessage();
    }

    private static String goldenWith(String from, String to) throws IOException {
        String text = golden();
        if (!text.contains(from)) {
            throw new AssertionError("the golden file has no " + from);
        }
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void theGoldenFileReads() throws Exception {
        assertEquals(3, BaselineReader.read(FILE, golden()).points().size());
    }

    @Test
    void aBaselineWrittenBeforeRanksHadNodesRanOnOneNode() throws Exception {
        String old = golden().replaceFirst(",\\s*\"nodes\" : 1,\\s*\"ranks_per_node\" : 2", "");
        EnvironmentKey key = BaselineReader.read(FILE, old).key();
        assertEquals(new EnvironmentKey("cpu", "Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz", 2, 2, "bf16", 8192), key);
        assertEquals(BaselineReader.read(FILE, golden()).key(), key);
        assertEquals(-1, old.indexOf("ranks_per_node"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        assertEquals("baseline src/commgate/x.json: line 3, column 3: Unexpected character ('\"' (code 34)): was expecting"
                + " comma to separate Object entries", problem(goldenWith("\"format\" : 2,", "\"format\" : 2")));
    }

    @Test
    void aStringWhereANumberBelongsNamesTheField() throws IOException {
        assertEquals("baseline src/commgate/x.json: line 39, column 19: expected a number for 'median_us'",
                problem(goldenWith("\"median_us\" : 50.5", "\"median_us\" : \"fast\"")));
    }

    @Test
    void anUnknownFormatIsRefusedWithTheFormatThisVersionReads() throws IOException {
        assertEquals("baseline src/commgate/x.json: format 7 is not supported; this commgate reads formats 1 and 2",
                problem(goldenWith("\"format\" : 2", "\"format\" : 7")));
        assertEquals("baseline src/commgate/x.json: line 2, column 14: expected a whole number for 'format'",
                problem(goldenWith("\"format\" : 2", "\"format\" : \"1\"")));
    }

    @Test
    void aMissingFieldIsNamedAtTheObjectThatLacksIt() throws IOException {
        assertEquals("baseline src/commgate/x.json: line 35, column 16: missing field 'median_us'",
                problem(goldenWith("\"median_us\" : 50.5,", "")));
        assertEquals("baseline src/commgate/x.json: line 1, column 1: missing field 'key'",
                problem(goldenWith("\"key\" :", "\"kee\" :")));
    }

    @Test
    void aNegativeMedianOrSampleIsRefused() throws IOException {
        assertEquals("baseline src/commgate/x.json: line 39, column 19: 'median_us' is -3.5; it must be 0 or more",
                problem(goldenWith("\"median_us\" : 50.5", "\"median_us\" : -3.5")));
        assertEquals("baseline src/commgate/x.json: line 40, column 28: 'samples_us' holds -49.75; samples must be 0 or more",
                problem(goldenWith("49.75", "-49.75")));
    }

    @Test
    void aPointWithoutSamplesIsRefused() throws IOException {
        assertEquals("baseline src/commgate/x.json: line 40, column 20: 'samples_us' is empty; a point needs the samples"
                + " it was recorded from", problem(goldenWith("[ 50.5, 49.75, 51.0 ]", "[ ]")));
    }

    @Test
    void theSamePointTwiceIsRefused() throws IOException {
        assertEquals("baseline src/commgate/x.json: line 43, column 6: a second entry for shm-oneshot sequence length 16",
                problem(goldenWith("\"sequence_length\" : 128", "\"sequence_length\" : 16")));
    }

    @Test
    void aMedianThatIsZeroAbsurdOrNotTheMedianOfItsSamplesIsRefusedNamingThePoint() throws IOException {
        assertEquals("baseline src/commgate/x.json: line 39, column 19: shm-oneshot 256 KiB: 'median_us' is 0; an all-reduce"
                + " never takes no time, and a zero would pass any run",
                problem(goldenWith("\"median_us\" : 50.5", "\"median_us\" : 0")));
        assertEquals("baseline src/commgate/x.json: line 39, column 19: shm-oneshot 256 KiB: 'median_us' is 1.0E308; a latency"
                + " must be finite and under an hour", problem(goldenWith("\"median_us\" : 50.5", "\"median_us\" : 1e308")));
        assertEquals("baseline src/commgate/x.json: line 39, column 19: shm-oneshot 256 KiB: 'median_us' is 41.0, but the"
                + " median of its 'samples_us' is 50.500", problem(goldenWith("\"median_us\" : 50.5", "\"median_us\" : 41.0")));
    }

    @Test
    void aFileOfFormatOneWithTheOldParameterNamesAndNoRunMediansStillReads() throws Exception {
        String old = goldenWith("\"format\" : 2", "\"format\" : 1").replace("\"num_warmup\"", "\"warmups\"")
                .replace("\"num_trials\"", "\"trials\"").replace("\"cuda_graph_capture_cycles\"", "\"cycles\"")
                .replaceAll(",\\s*\"run_medians_us\" : \\[[^]]*\\]", "");
        Baseline baseline = BaselineReader.read(FILE, old);
        assertEquals(new io.github.commgate.comm.MeasuringProtocol(5, 10, 10), baseline.parameters().protocol());
        assertEquals(java.util.List.of(), baseline.points().get(1).runMediansMicros());
    }

    @Test
    void anUnknownBackendOrABadDateIsNamed() throws IOException {
        assertEquals("baseline src/commgate/x.json: line 4, column 17: unknown backend 'tpu' in 'backend'; valid: cpu, cuda",
                problem(goldenWith("\"backend\" : \"cpu\"", "\"backend\" : \"tpu\"")));
        assertEquals("baseline src/commgate/x.json: line 15, column 19: 'recorded_at' is 'yesterday'; expected an instant"
                + " such as 2026-11-24T06:00:00Z", problem(goldenWith("\"2026-11-24T06:00:00Z\"", "\"yesterday\"")));
    }

    @Test
    void duplicateKeysAndTrailingContentAreMalformed() throws IOException {
        assertEquals("baseline src/commgate/x.json: line 3, column 11: Duplicate field 'format'",
                problem(goldenWith("\"key\" :", "\"format\" : 2, \"key\" :")));
        assertEquals("baseline src/commgate/x.json: line 59, column 1: unexpected content after the end of the baseline",
                problem(golden() + "{}"));
    }

    @Test
    void aTruncatedFileSaysWhereItEnded() throws IOException {
        String text = golden();
        assertEquals("baseline src/commgate/x.json: line 25, column 5: Unexpected end-of-input within/between Object entries",
                problem(text.substring(0, text.indexOf("\"os\""))));
        assertEquals("baseline src/commgate/x.json: line 1, column 2: Unexpected end-of-input: expected close marker for"
                + " Object (opened at line 1, column 1)", problem("{"));
    }

    @Test
    void anEmptyFileOrATopLevelArrayIsNamed() {
        assertEquals("baseline src/commgate/x.json: the file is empty", problem("  \n"));
        assertEquals("baseline src/commgate/x.json: line 1, column 1: expected an object at the top level", problem("[]"));
    }

    @Test
    void theMessageNamesThePathTheFileWasReadFrom(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("cpu.json");
        Files.writeString(file, goldenWith("\"median_us\" : 50.5", "\"median_us\" : null"));
        BaselineException e = assertThrows(BaselineException.class, () -> BaselineFile.read(file));
        assertEquals("baseline " + file + ": line 35, column 16: missing field 'median_us'", e.getMessage());
    }
}
