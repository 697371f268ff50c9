package io.github.commgate.launch;

import io.github.commgate.plan.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drains an engine's output and sorts it into one log per rank, as the local launcher keeps: the
 * engine tags each line of a rank's output with the rank (mpirun's {@code --tag-output}, srun's
 * {@code --label}), and forwards it to the node where it runs, so the logs land beside the build
 * whichever node a rank ran on. Untagged lines are the engine's own, kept in its log.
 */
final class EngineOutput implements Runnable {

    /** "[1,3]&lt;stderr&gt;:text" (Open MPI 4 and 5). */
    private static final Pattern MPIRUN_TAG = Pattern.compile("^\\[\\d+, ?(\\d+)\\]<(?:stdout|stderr|stddiag)>:(.*)$");
    /** "3: text", padded on the left when there are ten ranks or more. */
    private static final Pattern SRUN_LABEL = Pattern.compile("^\\s*(\\d+): (.*)$");

    private final InputStream output;
    private final Launcher launcher;
    private final PrintStream engineLog;
    private final Map<Integer, PrintStream> rankLogs = new HashMap<>();

    /** Opens every log at once, so each rank has its own (empty where it said nothing), as forked ranks do. */
    EngineOutput(InputStream output, LaunchSettings settings, int worldSize) throws IOException {
        this.output = output;
        this.launcher = settings.launch().launcher();
        this.engineLog = open(settings.launcherLog());
        for (int rank = 0; rank < worldSize; rank++) {
            rankLogs.put(rank, open(settings.logFile(rank)));
        }
    }

    /** The rank and its line, or null for a line of the engine's own. */
    static Map.Entry<Integer, String> rankLine(Launcher launcher, String line) {
        Matcher matcher = (launcher == Launcher.MPIRUN ? MPIRUN_TAG : SRUN_LABEL).matcher(line);
        return matcher.matches() ? Map.entry(Integer.parseInt(matcher.group(1)), matcher.group(2)) : null;
    }

    @Override
    public void run() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Map.Entry<Integer, String> ranked = rankLine(launcher, line);
                // Flushed line by line: a failure's message quotes the last lines while the run ends.
                PrintStream log = ranked == null ? null : rankLogs.get(ranked.getKey());
                if (log != null) {
                    log.println(ranked.getValue());
                } else {
                    engineLog.println(line);
                }
            }
        } catch (IOException e) {
            // The engine is gone and its pipe with it; what was read is in the logs.
        } finally {
            rankLogs.values().forEach(PrintStream::close);
            engineLog.close();
        }
    }

    private static PrintStream open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
