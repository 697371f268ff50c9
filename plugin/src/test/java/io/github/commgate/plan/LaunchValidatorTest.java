package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.commgate.comm.Backend;
import io.github.commgate.machine.HostAddresses;
import io.github.commgate.machine.VisibleGpus;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher settings, checked once with the plan: each problem names the parameter and its value. */
class LaunchValidatorTest {

    private static final VisibleGpus NO_GPU = VisibleGpus.none("0 NVIDIA GPUs installed, CUDA_VISIBLE_DEVICES=(unset)");

    private static List<String> problems(RunSettings settings) {
        return assertThrows(InvalidSettingsException.class, () -> PlanValidator.validate(settings, NO_GPU)).problems();
    }

    @Test
    void localIsTheDefaultAndListensOnLoopback() throws Exception {
        assertEquals(LaunchPlan.local(), PlanValidator.validate(new RunSettings()).launch());
    }

    @Test
    void anEngineRunsItsOwnCommandWithTheUsersArgumentsAndListensOnTheHostsAddress() throws Exception {
        LaunchPlan launch = PlanValidator.validate(new RunSettings().launcher("srun").launcherArgs(List.of("--overcommit", " "))).launch();
        assertEquals(new LaunchPlan(Launcher.SRUN, "srun", List.of("--overcommit"), HostAddresses.preferred()), launch);
        LaunchPlan mpirun = PlanValidator.validate(new RunSettings().launcher("MPIRUN").launcherExecutable("/opt/ompi/bin/mpirun")
                .coordinatorHost("127.0.0.1")).launch();
        assertEquals(new LaunchPlan(Launcher.MPIRUN, "/opt/ompi/bin/mpirun", List.of(), InetAddress.getByName("127.0.0.1")), mpirun);
    }

    @Test
    void anUnknownLauncherListsTheValidOnes() {
        assertEquals(List.of("launcher: unknown launcher 'pbs'; valid: local, mpirun, srun"), problems(new RunSettings().launcher("pbs")));
    }

    @Test
    void engineSettingsWithTheLocalLauncherAndARankCountInTheArgumentsAreRefused() {
        assertEquals(List.of("launcherExecutable: 'mpirun' is for launcher mpirun or srun; launcher local forks the workers itself",
                        "launcherArgs: '--oversubscribe' are for launcher mpirun or srun; launcher local forks the workers itself"),
                problems(new RunSettings().launcherExecutable("mpirun").launcherArgs(List.of("--oversubscribe"))));
        assertEquals(List.of("launcherArgs: '-np' sets the number of ranks, which commgate sets from worldSize"),
                problems(new RunSettings().launcher("mpirun").launcherArgs(List.of("-np", "4"))));
        assertEquals(List.of("launcherArgs: '--ntasks=8' sets the number of ranks, which commgate sets from worldSize"),
                problems(new RunSettings().launcher("srun").launcherArgs(List.of("--ntasks=8"))));
    }

    @Test
    void aCoordinatorHostThatIsNotThisMachinesOrIsTheWildcardIsRefused() {
        String addresses = HostAddresses.describeAll();
        assertEquals(List.of("coordinatorHost: '192.0.2.254' (192.0.2.254) is not an address of this machine, so the coordinator "
                + "cannot listen on it; this machine's addresses: " + addresses), problems(new RunSettings().coordinatorHost("192.0.2.254")));
        assertEquals(List.of("coordinatorHost: '0.0.0.0' is the wildcard address, which gives the workers nothing to connect to; "
                + "name one of this machine's addresses: " + addresses), problems(new RunSettings().launcher("srun").coordinatorHost("0.0.0.0")));
    }

    @Test
    void cudaUnderAnEngineNeedsNoGpuHereButAWorldSize() throws Exception {
        assertEquals(List.of("worldSize: must be set for launcher srun, since no GPU is visible on this host to count "
                + "(0 NVIDIA GPUs installed, CUDA_VISIBLE_DEVICES=(unset))"), problems(new RunSettings().backend("cuda").launcher("srun")));
        BenchmarkPlan sixteen = PlanValidator.validate(new RunSettings().backend("cuda").launcher("srun").worldSize(16), NO_GPU).benchmark();
        assertEquals(Backend.CUDA, sixteen.backend());
        assertEquals(16, sixteen.worldSize());
        assertEquals(List.of("worldSize: 2048 is out of range; the cuda backend runs 1 to 1024 ranks under launcher mpirun"),
                problems(new RunSettings().backend("cuda").launcher("mpirun").worldSize(2048)));
    }
}
