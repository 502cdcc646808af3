package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
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

    private static List<RunTask> tasks(int n) {
        List<RunTask> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new RunTask(i, 1));
        }
        return out;
    }

    @Test
    void longestFirstBalancesLoads() {
        double[] costs = {8, 7, 6, 5, 4, 3, 2, 1};
        List<ArrayList<RunTask>> bins = TaskLayout.assign(tasks(8), costs, 2);
        double[] load = new double[2];
        for (int b = 0; b < 2; b++) {
            for (RunTask t : bins.get(b)) {
                load[b] += costs[t.cellIndex()];
            }
        }
        assertThat(load).containsExactly(18, 18);
    }

    @Test
    void oneExpensiveRunGetsABinToItself() {
        double[] costs = {1000, 1, 1, 1, 1, 1};
        List<ArrayList<RunTask>> bins = TaskLayout.assign(tasks(6), costs, 3);
        assertThat(bins.get(0)).extracting(RunTask::cellIndex).containsExactly(0);
    }

    @Test
    void everyTaskExactlyOnce() {
        double[] costs = new double[100];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = (i * 37) % 11;
        }
        List<RunTask> all = new ArrayList<>();
        TaskLayout.assign(tasks(100), costs, 16).forEach(all::addAll);
        assertThat(all).hasSize(100).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tasks(100));
    }

    @Test
    void binCount() {
        assertThat(TaskLayout.binCount(120, 2)).isEqualTo(16);
        assertThat(TaskLayout.binCount(5, 2)).isEqualTo(5);
        assertThat(TaskLayout.binCount(1_000_000, 2)).isEqualTo(3907);
        assertThat(TaskLayout.binCount(1, 64)).isEqualTo(1);
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
     * within a few percent of the best possible, although run costs differ by nearly 10⁴; the spec order
     * cut into as many bins of equal run count does not.
     */
    @Test
    void twoCoresStayBusyToTheEnd() {
        List<Cell> cells = Grid.expand(SpecParser.parseString(MIXED, "mix", List.of()));
        List<RunTask> tasks = new ArrayList<>();
        List<Double> costList = new ArrayList<>();
        for (Cell c : cells) {
            for (long seed = 1; seed <= 4; seed++) {
                tasks.add(RunTask.from(c, seed));
                costList.add(TaskLayout.cost(c.spec()));
            }
        }
        double[] costs = costList.stream().mapToDouble(Double::doubleValue).toArray();
        double total = 0;
        double longest = 0;
        for (double c : costs) {
            total += c;
            longest = Math.max(longest, c);
        }
        assertThat(longest / costs[0]).as("cost range").isGreaterThan(5e3);
        int cores = 2;
        int bins = TaskLayout.binCount(tasks.size(), cores);
        double bound = Math.max(total / cores, longest);

        double laidOut = makespan(TaskLayout.assign(tasks, costs, bins), costs, cores);
        assertThat(laidOut / bound).isLessThan(1 + BALANCE_SLACK);

        List<ArrayList<RunTask>> naive = new ArrayList<>();
        int per = (tasks.size() + bins - 1) / bins;
        for (int i = 0; i < tasks.size(); i += per) {
            naive.add(new ArrayList<>(tasks.subList(i, Math.min(tasks.size(), i + per))));
        }
        assertThat(makespan(naive, costs, cores) / bound).isGreaterThan(1.2);
    }

    /** Bins in order, each to the core that is free first; tasks are indexed by cell·4 + seed − 1. */
    private static double makespan(List<ArrayList<RunTask>> bins, double[] costs, int cores) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int c = 0; c < cores; c++) {
            free.add(0.0);
        }
        double end = 0;
        for (List<RunTask> bin : bins) {
            double load = 0;
            for (RunTask t : bin) {
                load += costs[t.cellIndex() * 4 + (int) t.seed() - 1];
            }
            double finish = free.poll() + load;
            end = Math.max(end, finish);
            free.add(finish);
        }
        return end;
    }
}
