package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.spec.SeedRanges;
import org.clsweep.jobs.spec.SpecParser;
import org.junit.jupiter.api.Test;

class TaskLayoutTest {
    /** Cells whose estimated costs span nearly four orders of magnitude: both models, widths, step budgets. */
    private static final String MIXED = "sweep { name = mix, seeds = 4, tokens { vocab = 12, locations = 6,"
            + " per_location = 4, patterns = 8, pattern_len = 3, aug_degree = 2 }, grid = ["
            + " { model = [onelayer], width = [1, 2, 4, 8, 16, 32, 64], train.steps = [500, 5000] },"
            + " { model = [twolayer], mode = [sgd], width = [1, 2, 5], train.steps = [200, 2000] } ] }";
    /** Makespan of the layout at most this much above the lower bound max(total / cores, longest run). */
    private static final double BALANCE_SLACK = 0.05;

    /** One pending cell per cost, seeds 1..perCell each. */
    private static List<TaskLayout.CellRuns> cells(long perCell, double... seconds) {
        List<TaskLayout.CellRuns> out = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            out.add(new TaskLayout.CellRuns(i, SeedRanges.union(new long[] {1}, new long[] {perCell}), seconds[i]));
        }
        return out;
    }

    private static double load(List<RunSegment> bin, double[] seconds) {
        double sum = 0;
        for (RunSegment s : bin) {
            sum += s.runs() * seconds[s.cellIndex()];
        }
        return sum;
    }

    @Test
    void binsTakeEqualSharesOfManyEqualRuns() {
        double[] seconds = {1e-4, 1e-4, 2e-4};
        List<ArrayList<RunSegment>> bins = TaskLayout.assign(cells(100_000, seconds), 16);
        assertThat(bins).hasSize(16);
        double share = 100_000 * (1e-4 + 1e-4 + 2e-4) / 16;
        for (List<RunSegment> bin : bins) {
            assertThat(load(bin, seconds)).isCloseTo(share, org.assertj.core.data.Offset.offset(2e-4));
            assertThat(bin.size()).as("segments of a bin").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void oneExpensiveRunGetsABinToItself() {
        double[] seconds = {1000, 1, 1, 1, 1, 1};
        List<ArrayList<RunSegment>> bins = TaskLayout.assign(cells(1, seconds), 3);
        assertThat(bins.get(0)).containsExactly(new RunSegment(0, 1, 1));
    }

    @Test
    void everyPendingRunExactlyOnce() {
        List<TaskLayout.CellRuns> pending = new ArrayList<>();
        double[] seconds = new double[20];
        for (int c = 0; c < seconds.length; c++) {
            seconds[c] = 1 + (c * 37) % 11;
            pending.add(new TaskLayout.CellRuns(c, SeedRanges.union(new long[] {1, 10 + c, 50}, new long[] {3, 20 + c, 50 + c}),
                    seconds[c]));
        }
        Set<String> seen = new HashSet<>();
        long runs = 0;
        for (List<RunSegment> bin : TaskLayout.assign(pending, 16)) {
            for (RunSegment s : bin) {
                for (long seed = s.first(); seed <= s.last(); seed++) {
                    assertThat(pending.get(s.cellIndex()).seeds().contains(seed)).isTrue();
                    assertThat(seen.add(s.cellIndex() + "/" + seed)).as("run %d/%d once", s.cellIndex(), seed).isTrue();
                    runs++;
                }
            }
        }
        long expected = pending.stream().mapToLong(c -> c.seeds().size()).sum();
        assertThat(runs).isEqualTo(expected);
    }

    @Test
    void binCount() {
        assertThat(TaskLayout.binCount(120, 1.0, 2)).as("small sweep: bins per core").isEqualTo(16);
        assertThat(TaskLayout.binCount(5, 1.0, 2)).as("fewer runs than bins").isEqualTo(5);
        assertThat(TaskLayout.binCount(600_000, 120.0, 2)).as("tiny runs: about BIN_SECONDS (4 s) each").isEqualTo(30);
        assertThat(TaskLayout.binCount(10_000_000, 100.0, 2)).as("at most MAX_RUNS_PER_BIN").isEqualTo(100);
        assertThat(TaskLayout.binCount(10_000, 1e6, 2)).as("dear runs: at most MAX_BINS").isEqualTo(1024);
        assertThat(TaskLayout.binCount(10_000, 1e6, 256)).as("unless the cores need more").isEqualTo(2048);
        assertThat(TaskLayout.binCount(1, 5.0, 64)).isEqualTo(1);
    }

    @Test
    void costsFollowTheModelOfEachCell() {
        List<Cell> cells = Grid.expand(SpecParser.parseString(MIXED, "mix", List.of()));
        double w1 = TaskLayout.cost(cells.get(0).spec());
        double w64 = TaskLayout.cost(cells.get(13).spec());
        assertThat(cells.get(13).spec().width()).isEqualTo(64);
        assertThat(cells.get(13).spec().train().steps()).isEqualTo(5000);
        assertThat(w64 / w1).isEqualTo(64.0 * 10);
        double twoLayer = TaskLayout.cost(cells.get(cells.size() - 1).spec());
        assertThat(twoLayer).isGreaterThan(w64);
    }

    /**
     * The layout handed to two cores that take bins one by one (what {@link SweepJob} does) ends
     * within a few percent of the best possible, although run costs differ by more than 3·10³; the spec order
     * cut into as many bins of equal run count does not.
     */
    @Test
    void twoCoresStayBusyToTheEnd() {
        List<Cell> cells = Grid.expand(SpecParser.parseString(MIXED, "mix", List.of()));
        List<TaskLayout.CellRuns> pending = new ArrayList<>();
        double[] costs = new double[cells.size()];
        double total = 0;
        double longest = 0;
        long runs = 0;
        for (Cell c : cells) {
            costs[c.index()] = TaskLayout.seconds(c.spec());
            pending.add(new TaskLayout.CellRuns(c.index(), SeedRanges.union(new long[] {1}, new long[] {4}),
                    costs[c.index()]));
            total += 4 * costs[c.index()];
            longest = Math.max(longest, costs[c.index()]);
            runs += 4;
        }
        assertThat(longest / costs[0]).as("cost range").isGreaterThan(3e3);
        int cores = 2;
        int bins = TaskLayout.binCount(runs, total, cores);
        double bound = Math.max(total / cores, longest);

        double laidOut = makespan(TaskLayout.assign(pending, bins), costs, cores);
        assertThat(laidOut / bound).isLessThan(1 + BALANCE_SLACK);

        List<List<RunSegment>> naive = new ArrayList<>();
        List<RunSegment> all = new ArrayList<>();
        for (Cell c : cells) {
            for (long seed = 1; seed <= 4; seed++) {
                all.add(new RunSegment(c.index(), seed, seed));
            }
        }
        int per = (all.size() + bins - 1) / bins;
        for (int i = 0; i < all.size(); i += per) {
            naive.add(all.subList(i, Math.min(all.size(), i + per)));
        }
        assertThat(makespan(naive, costs, cores) / bound).isGreaterThan(1.2);
    }

    /** Bins in order, each to the core that is free first; costs per run by cell index. */
    private static double makespan(List<? extends List<RunSegment>> bins, double[] costs, int cores) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int c = 0; c < cores; c++) {
            free.add(0.0);
        }
        double end = 0;
        for (List<RunSegment> bin : bins) {
            double finish = free.poll() + load(bin, costs);
            end = Math.max(end, finish);
            free.add(finish);
        }
        return end;
    }
}
