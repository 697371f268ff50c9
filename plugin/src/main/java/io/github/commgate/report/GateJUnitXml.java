package io.github.commgate.report;

import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.gate.Verdict;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.Units;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * TEST-commgate.xml in the Ant JUnit layout that Jenkins, GitLab and GitHub reporters read: one
 * test case per point, named by communicator and size, so a regression shows up in CI as a
 * failed test with the gate's sentence as its message. A run that failed for an infrastructure
 * reason adds a test case "run" whose error is that reason.
 */
final class GateJUnitXml implements ReportFormat {

    @Override
    public String fileName() {
        return "TEST-commgate.xml";
    }

    @Override
    public String render(RunReport report) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suite = document.createElement("testsuite");
            document.appendChild(suite);
            fillSuite(document, suite, report.run(), report.judgementFor(this));
            return serialise(document);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support is broken: " + e.getMessage(), e);
        }
    }

    private static void fillSuite(Document document, Element suite, RunResult run, Judgement judgement) {
        List<PointVerdict> points = judgement.points();
        boolean runLevelFailure = judgement.decision() == GateOutcome.Decision.FAIL && failures(points) == 0;
        boolean runLevelError = judgement.runError().isPresent();
        suite.setAttribute("name", "commgate");
        suite.setAttribute("tests", Integer.toString(points.size() + (runLevelFailure ? 1 : 0) + (runLevelError ? 1 : 0)));
        suite.setAttribute("failures", Long.toString(failures(points) + (runLevelFailure ? 1 : 0)));
        suite.setAttribute("errors", Long.toString(count(points, Verdict.ERROR) + (runLevelError ? 1 : 0)));
        suite.setAttribute("skipped", Long.toString(count(points, Verdict.SKIPPED) + count(points, Verdict.NOT_COMPARABLE)));
        suite.setAttribute("time", seconds(run.totalSeconds()));
        suite.setAttribute("timestamp", timestamp(run.startedAt()));
        Element properties = child(document, suite, "properties");
        Map<String, String> values = new TreeMap<>(run.environment());
        values.put("commgate.decision", judgement.decision().name());
        values.put("commgate.headline", judgement.headline());
        judgement.comparison().ifPresent(c -> values.put("commgate.baseline", c.baselineName()));
        values.forEach((name, value) -> {
            Element property = child(document, properties, "property");
            property.setAttribute("name", XmlText.legal(name));
            property.setAttribute("value", XmlText.legal(value));
        });
        points.forEach(p -> testCase(document, suite, p));
        if (runLevelFailure) {
            // Nothing measured fails the build; without a failed case a reporter would show it green.
            outcomeElement(document, runCase(document, suite, run), "failure", judgement.headline(), "FAIL");
        }
        judgement.runError().ifPresent(reason -> outcomeElement(document, runCase(document, suite, run), "error",
                judgement.runErrorSentence().orElseThrow(), "ERROR").setTextContent(XmlText.legal(reason)));
    }

    /** The test case that stands for the run as a whole, where what went wrong belongs to no point. */
    private static Element runCase(Document document, Element suite, RunResult run) {
        Element runCase = child(document, suite, "testcase");
        runCase.setAttribute("classname", "commgate");
        runCase.setAttribute("name", "run");
        runCase.setAttribute("time", seconds(run.totalSeconds()));
        return runCase;
    }

    private static void testCase(Document document, Element suite, PointVerdict point) {
        Element testCase = child(document, suite, "testcase");
        testCase.setAttribute("classname", "commgate." + XmlText.legal(point.communicator()));
        testCase.setAttribute("name", Units.sizeOfSequence(point.bytes(), point.sequenceLength()));
        double median = point.currentMedianMicros();
        testCase.setAttribute("time", seconds(Double.isFinite(median) ? median / 1e6 : 0));
        String sentence = point.sentence();
        switch (point.verdict()) {
            case REGRESSED, INCORRECT -> outcomeElement(document, testCase, "failure", sentence, point.verdict().name())
                    .setTextContent(XmlText.legal(sentence + figures(point)));
            case ERROR -> outcomeElement(document, testCase, "error", sentence, point.verdict().name());
            case SKIPPED, NOT_COMPARABLE -> child(document, testCase, "skipped")
                    .setAttribute("message", XmlText.legal(sentence));
            case PASS, IMPROVED, NO_BASELINE -> child(document, testCase, "system-out").setTextContent(XmlText.legal(sentence));
        }
    }

    private static Element outcomeElement(Document document, Element parent, String name, String sentence, String type) {
        Element element = child(document, parent, name);
        element.setAttribute("message", XmlText.legal(sentence));
        element.setAttribute("type", type);
        element.setTextContent(XmlText.legal(sentence));
        return element;
    }

    /** The numbers behind a regression, for reporters that show the failure's text under its message. */
    private static String figures(PointVerdict point) {
        if (point.verdict() != Verdict.REGRESSED) {
            return "";
        }
        return String.format("\nmedian %s, baseline %s, limit %s, delta %s, p %s",
                Units.microsToHundredths(point.currentMedianMicros()), Units.microsToHundredths(point.baselineMedianMicros()),
                Units.microsToHundredths(point.limitMicros()), point.deltaText(), VerdictRows.pValue(point.pValue()));
    }

    private static Element child(Document document, Element parent, String name) {
        Element element = document.createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static long failures(List<PointVerdict> points) {
        return count(points, Verdict.REGRESSED) + count(points, Verdict.INCORRECT);
    }

    private static long count(List<PointVerdict> points, Verdict verdict) {
        return points.stream().filter(p -> p.verdict() == verdict).count();
    }

    /** Ant's form, UTC without a zone suffix: some readers parse exactly "yyyy-MM-dd'T'HH:mm:ss". */
    private static String timestamp(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** Microsecond resolution: a 2 MiB all-reduce takes tens of microseconds, so "0.000" would hide it. */
    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.6f", seconds);
    }

    /**
     * The declaration is written by hand: the JDK's transformer either adds standalone="no" or,
     * with standalone set, runs the root element onto the declaration's line.
     */
    private static String serialise(Document document) throws TransformerException {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter text = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(text));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text.toString().replace("\r\n", "\n").stripTrailing() + "\n";
    }
}
