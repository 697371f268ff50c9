package io.github.commgate.maven;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.plan.CommunicatorCatalog;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.Launcher;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The parameter descriptions that help:describe and commgate:help show, read from the plugin
 * descriptor the build generated: the defaults they name are the ones the code uses, and their XML
 * examples survive help:describe, which reads the descriptor's plain text as HTML.
 */
class HelpTextsTest {

    /** Parameter name to description, for one goal. */
    private static Map<String, String> descriptions(String goal) throws Exception {
        Document descriptor;
        try (InputStream in = HelpTextsTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "the build generates the plugin descriptor before the tests run");
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        for (Element mojo : children(descriptor.getDocumentElement(), "mojo")) {
            if (text(mojo, "goal").equals(goal)) {
                Map<String, String> descriptions = new LinkedHashMap<>();
                for (Element parameter : children(mojo, "parameter")) {
                    descriptions.put(text(parameter, "name"), text(parameter, "description"));
                }
                return descriptions;
            }
        }
        throw new AssertionError("no goal " + goal);
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static String joined(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Test
    void theSequenceLengthsNamedAsDefaultsAreTheOnesTheBackendsUse() throws Exception {
        String sizes = descriptions("benchmark").get("sequenceLengths");
        assertTrue(sizes.contains("Default on cuda: vLLM's " + joined(Defaults.GPU_SEQUENCE_LENGTHS) + " "), sizes);
        assertTrue(sizes.contains("Default on cpu: " + joined(Defaults.CPU_SEQUENCE_LENGTHS) + " "), sizes);
    }

    @Test
    void theCommunicatorsTextSaysTheDefaultIsEveryCommunicatorButThoseThatRunOnlyWhenNamedAndNamesThem() throws Exception {
        String communicators = descriptions("check").get("communicators");
        assertTrue(communicators.startsWith("Comma-separated communicators to measure. Default: every communicator of the"
                + " backend but those that run only when named"), communicators);
        for (Backend backend : List.of(Backend.CPU, Backend.CUDA)) {
            CommunicatorCatalog.names(backend).stream().filter(n -> !CommunicatorCatalog.defaults(backend).contains(n))
                    .forEach(optIn -> assertTrue(communicators.contains(optIn), optIn + ": " + communicators));
        }
    }

    @Test
    void xmlExamplesAreEscapedOnceMoreSoHelpDescribeShowsTheirTags() throws Exception {
        Map<String, String> check = descriptions("check");
        assertTrue(check.get("jvmArgs").endsWith("for example &lt;jvmArgs&gt;&lt;jvmArg&gt;-Xmx2g&lt;/jvmArg&gt;&lt;/jvmArgs&gt;."),
                check.get("jvmArgs"));
        assertTrue(check.get("environmentVariables").contains("&lt;NCCL_DEBUG&gt;INFO&lt;/NCCL_DEBUG&gt;"));
        assertTrue(check.get("thresholds").contains("&lt;thresholds&gt;&lt;nccl&gt;5&lt;/nccl&gt;&lt;/thresholds&gt;"));
        for (Map.Entry<String, String> parameter : check.entrySet()) {
            assertTrue(!parameter.getValue().matches("(?s).*<[A-Za-z/].*"), parameter.getKey()
                    + ": a tag help:describe would drop: " + parameter.getValue());
        }
    }

    @Test
    void theLauncherTextsNameTheDefaultsTheCodeUses() throws Exception {
        Map<String, String> check = descriptions("check");
        assertTrue(check.get("launcher").contains("Default " + Defaults.LAUNCHER + "."), check.get("launcher"));
        for (Launcher engine : List.of(Launcher.MPIRUN, Launcher.SRUN)) {
            assertTrue(check.get("launcherExecutable").contains(engine.defaultExecutable()), check.get("launcherExecutable"));
        }
        assertTrue(check.get("worldSize").contains("up to " + Defaults.MAX_ENGINE_WORLD_SIZE), check.get("worldSize"));
        assertTrue(check.get("launcherArgs").contains("&lt;launcherArg&gt;--allow-run-as-root&lt;/launcherArg&gt;"),
                check.get("launcherArgs"));
    }
}
