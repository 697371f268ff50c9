package io.github.commgate.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.plan.Launcher;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A worker reads its place from whatever started it, in that starter's own words. */
class RankPlacementTest {

    @Test
    void eachLauncherPlacesTheWorkerThroughItsOwnVariables() {
        assertEquals(new RankPlacement(1, 2, 1), RankPlacement.from(Launcher.LOCAL,
                Map.of("COMMGATE_RANK", "1", "COMMGATE_WORLD_SIZE", "2", "COMMGATE_LOCAL_RANK", "1")));
        assertEquals(new RankPlacement(5, 8, 1), RankPlacement.from(Launcher.MPIRUN, Map.of("OMPI_COMM_WORLD_RANK", "5",
                "OMPI_COMM_WORLD_SIZE", "8", "OMPI_COMM_WORLD_LOCAL_RANK", "1", "SLURM_PROCID", "0")));
        assertEquals(new RankPlacement(3, 4, 3), RankPlacement.from(Launcher.SRUN,
                Map.of("SLURM_PROCID", "3", "SLURM_NTASKS", "4", "SLURM_LOCALID", "3")));
    }

    @Test
    void aWorkerNotStartedByItsEngineSaysWhichVariableIsMissing() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RankPlacement.from(Launcher.SRUN, Map.of("OMPI_COMM_WORLD_RANK", "0")));
        assertEquals("SLURM_PROCID is not set: this worker was not started by srun", missing.getMessage());
        IllegalArgumentException garbled = assertThrows(IllegalArgumentException.class, () -> RankPlacement.from(Launcher.MPIRUN,
                Map.of("OMPI_COMM_WORLD_RANK", "x", "OMPI_COMM_WORLD_SIZE", "2", "OMPI_COMM_WORLD_LOCAL_RANK", "0")));
        assertEquals("OMPI_COMM_WORLD_RANK is 'x', not a number", garbled.getMessage());
    }

    @Test
    void anEngineThatStartedAnotherRankCountThanThePlansIsNamed() {
        RankPlacement placement = new RankPlacement(0, 3, 0);
        assertEquals("srun started 3 ranks (SLURM_NTASKS), but this run has world size 4; leave the rank count to commgate's worldSize",
                placement.mismatch(Launcher.SRUN, 4));
        assertNull(placement.mismatch(Launcher.SRUN, 3));
    }
}
