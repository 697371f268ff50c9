// Shared by the scenarios that read the HTML reports: the pages are XHTML, so the JDK's own XML
// parser reads them, namespaces and all; a query names elements by their local name.
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Element

static Element parse(File file) {
    def factory = DocumentBuilderFactory.newInstance()
    factory.namespaceAware = true
    return factory.newDocumentBuilder().parse(file).documentElement
}

/** Every element under {@code parent} with this local name (html, svg and all) and, where given, this class. */
static List<Element> all(Element parent, String name, String cssClass = null) {
    def nodes = parent.getElementsByTagNameNS('*', name)
    return (0..<nodes.length).collect { nodes.item(it) as Element }.findAll { cssClass == null || it.getAttribute('class') == cssClass }
}
