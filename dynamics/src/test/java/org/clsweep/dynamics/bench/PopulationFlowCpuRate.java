package org.clsweep.dynamics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.clsweep.dynamics.trainer.PopulationFlow;

/**
 * Node-steps of the {@link PopulationFlowBench} flow per second of this thread's CPU time: the
 * per-core throughput, unaffected by other processes competing for the cores (JMH measures wall
 * time). Five warm-up rounds, then five measured rounds of 20 000 steps × 64 nodes each.
 *
 * <pre>
 *   args: [activation [noise [dim]]]     defaults: relu 0.1 32
 * </pre>
 * Run with the command in BENCHMARKS.md ("One-layer population flow").
 */
public final class PopulationFlowCpuRate {
    private static final int STEPS = 20_000;

    private PopulationFlowCpuRate() {
    }

    public static void main(String[] args) {
        String activation = args.length > 0 ? args[0] : "relu";
        double noise = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
        int dim = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        PopulationFlow flow = PopulationFlowBench.flow(dim, activation, noise);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double sink = 0.0;
        int t = 0;
        for (int round = -5; round < 5; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int k = 0; k < STEPS; k++) {
                sink += flow.step(t++);
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) * 1e-9;
            double wall = (System.nanoTime() - wall0) * 1e-9;
            if (round >= 0) {
                double nodeSteps = (double) STEPS * PopulationFlowBench.NODES;
                System.out.printf(Locale.ROOT, "%s sigma=%s d=%d round %d: %.3g node-steps per CPU-second, %.3g per wall-second%n",
                        activation, noise, dim, round, nodeSteps / cpu, nodeSteps / wall);
            }
        }
        System.out.printf(Locale.ROOT, "(checksum %.6f)%n", sink);
    }
}
