package io.github.commgate.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commgate.comm.cpu.SharedMemoryCommunicators;
import io.github.commgate.comm.cuda.CudaCommunicators;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the ranks' nodes decide what runs, and how a run's placement is told. */
class NodeLayoutTest {

    private final NodeLayout twoByTwo = new NodeLayout(List.of("a", "a", "b", "b"));

    @Test
    void ranksAreCountedPerNodeInTheOrderOfTheirFirstRank() {
        assertEquals(2, twoByTwo.nodeCount());
        assertEquals("2", twoByTwo.ranksPerNode());
        NodeLayout uneven = new NodeLayout(List.of("b", "a", "b", "b"));
        assertEquals("3,1", uneven.ranksPerNode());
        assertEquals(3, uneven.maxRanksPerNode());
        assertEquals("4 ranks are on 2 nodes, 3,1 per node", uneven.describe());
        assertEquals(1, NodeLayout.oneNode(8, "h").nodeCount());
    }

    @Test
    void communicatorsThatShareMemoryAreSkippedAcrossNodesAndNcclIsNot() {
        assertEquals(Optional.of("shm-oneshot needs every rank on one node (its ranks share memory); this run's 4 ranks are on 2 nodes, 2 per node"),
                SharedMemoryCommunicators.REGISTRY.declaration("shm-oneshot").placementProblem(twoByTwo));
        for (CommunicatorDeclaration declaration : CudaCommunicators.REGISTRY.communicators()) {
            boolean library = declaration.name().startsWith("nccl");
            assertEquals(library, declaration.placementProblem(twoByTwo).isEmpty(), declaration.name());
            assertEquals(Optional.empty(), declaration.placementProblem(NodeLayout.oneNode(4, "a")), declaration.name());
        }
    }
}
