package io.github.commgate.comm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which node each rank runs on, as the ranks told one another at the start of a run: what decides
 * whether communicators that share memory between ranks can run ({@link CommunicatorDeclaration#needsOneNode}),
 * and part of a run's environment (two nodes of 4 ranks are not one node of 8).
 *
 * @param nodeOfRank the node's name for each rank, indexed by rank
 */
public record NodeLayout(List<String> nodeOfRank) {

    public NodeLayout {
        nodeOfRank = List.copyOf(nodeOfRank);
        if (nodeOfRank.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one rank");
        }
    }

    /** Every rank on one node, as the local launcher places them. */
    public static NodeLayout oneNode(int worldSize, String node) {
        return new NodeLayout(Collections.nCopies(worldSize, node));
    }

    /** The ranks on each node, nodes in the order of their first rank. */
    public Map<String, List<Integer>> ranksByNode() {
        Map<String, List<Integer>> byNode = new LinkedHashMap<>();
        for (int rank = 0; rank < nodeOfRank.size(); rank++) {
            byNode.computeIfAbsent(nodeOfRank.get(rank), node -> new ArrayList<>()).add(rank);
        }
        return byNode;
    }

    public int nodeCount() {
        return ranksByNode().size();
    }

    /** The most ranks any node runs: with the node count, what an environment key records. */
    public int maxRanksPerNode() {
        return ranksByNode().values().stream().mapToInt(List::size).max().orElse(0);
    }

    /** "4" when every node runs as many ranks, else the count of each node in order, "3,1". */
    public String ranksPerNode() {
        List<String> counts = ranksByNode().values().stream().map(r -> Integer.toString(r.size())).toList();
        return counts.stream().distinct().count() == 1 ? counts.get(0) : String.join(",", counts);
    }

    /** "4 ranks are on 2 nodes, 2 per node": the same words on every rank, since every rank skips together. */
    public String describe() {
        int nodes = nodeCount();
        return String.format(Locale.ROOT, "%d rank%s %s on %d node%s, %s per node", nodeOfRank.size(),
                nodeOfRank.size() == 1 ? "" : "s", nodeOfRank.size() == 1 ? "is" : "are", nodes, nodes == 1 ? "" : "s",
                ranksPerNode());
    }
}
