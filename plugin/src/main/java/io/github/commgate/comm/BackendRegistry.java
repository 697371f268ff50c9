package io.github.commgate.comm;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a backend offers a worker: its communicators, each declared once, and what its ranks can
 * tell about the machine that the Maven JVM cannot. Reading the declarations loads no native
 * code, so the Maven JVM validates settings against them on any machine.
 */
public interface BackendRegistry {

    Backend backend();

    /** In the order they are measured and shown when the user selects none. */
    List<CommunicatorDeclaration> communicators();

    default List<String> names() {
        return communicators().stream().map(CommunicatorDeclaration::name).toList();
    }

    /** @throws IllegalArgumentException naming the declared ones, for a name this backend does not declare */
    default CommunicatorDeclaration declaration(String name) {
        return communicators().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(String.format("no %s communicator named '%s'; declared: %s",
                        backend(), name, String.join(", ", names()))));
    }

    /** Opens communicator {@code name} on this rank; every rank calls it, in the same order as its peers. */
    default Communicator open(String name, RankContext context) throws IOException {
        return declaration(name).opener().open(context);
    }

    /**
     * Loads the backend's native libraries ahead of its first communicator; a worker calls it on
     * a thread of its own while it joins the coordinator. Nothing by default. A failure here is
     * only a missed head start: the first communicator to open meets it again and reports it.
     */
    default void loadLibraries() {
    }

    /** Facts only a rank can find out (see machine.MachineFacts); a collective: every rank calls it. */
    Map<String, String> describe(RankContext context) throws IOException;

    /**
     * {@code before}, with what may change while the points run measured again; a collective.
     * Nothing by default.
     */
    default Map<String, String> describeAgain(RankContext context, Map<String, String> before) throws IOException {
        return before;
    }
}
