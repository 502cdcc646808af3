package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLayoutTest {

    private static List<RunTask> tasks(int n) {
        List<RunTask> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RunTask t = new RunTask();
            t.setCellIndex(i);
            t.setSeed(1);
            out.add(t);
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
                load[b] += costs[t.getCellIndex()];
            }
        }
        assertThat(load).containsExactly(18, 18);
    }

    @Test
    void oneExpensiveRunGetsABinToItself() {
        double[] costs = {1000, 1, 1, 1, 1, 1};
        List<ArrayList<RunTask>> bins = TaskLayout.assign(tasks(6), costs, 3);
        assertThat(bins.get(0)).extracting(RunTask::getCellIndex).containsExactly(0);
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
}
