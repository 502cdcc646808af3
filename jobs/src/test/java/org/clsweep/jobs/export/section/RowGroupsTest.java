package org.clsweep.jobs.export.section;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.clsweep.jobs.export.query.QueryResult;
import org.junit.jupiter.api.Test;

class RowGroupsTest {
    /**
     * Three modes in one sweep: the batch follows from mode and loss, and the steps are the same
     * everywhere, so the legend names activation, mode and loss only; the groups keep every key.
     */
    @Test
    void legendsNameOnlyTheKeysThatTellGroupsApart() {
        List<String> keys = List.of("activation", "mode", "train_loss", "train_batch", "train_steps");
        QueryResult t = new QueryResult(List.of("activation", "mode", "train_loss", "train_batch", "train_steps", "y"),
                List.of(
                        Arrays.asList("relu", "population", "infonce", 128, 3000, 1.0),
                        Arrays.asList("relu", "sgd", "infonce", 256, 3000, 2.0),
                        Arrays.asList("relu", "sgd", "quadratic", 512, 3000, 3.0),
                        Arrays.asList("linear", "sgd", "quadratic", 512, 3000, 4.0)));
        List<RowGroups.Group> groups = RowGroups.of(t, keys);
        assertThat(groups).extracting(RowGroups.Group::label).containsExactly(
                "relu, mode=population, train_loss=infonce", "relu, mode=sgd, train_loss=infonce",
                "relu, mode=sgd, train_loss=quadratic", "linear, mode=sgd, train_loss=quadratic");
        assertThat(groups.get(1).key()).containsEntry("train_batch", 256).containsEntry("train_steps", 3000);
    }

    @Test
    void aKeyNeededToTellTwoGroupsApartStays() {
        List<String> keys = List.of("activation", "geometry_noise");
        QueryResult t = new QueryResult(List.of("activation", "geometry_noise"), List.of(
                Arrays.asList("relu", 0.1), Arrays.asList("relu", 0.2)));
        assertThat(RowGroups.of(t, keys)).extracting(RowGroups.Group::label)
                .containsExactly("relu, geometry_noise=0.1", "relu, geometry_noise=0.2");
    }

    @Test
    void theActivationIsAlwaysNamed() {
        QueryResult t = new QueryResult(List.of("activation", "width"), List.of(Arrays.asList("relu", 4)));
        assertThat(RowGroups.of(t, List.of("activation", "width"))).extracting(RowGroups.Group::label)
                .containsExactly("relu");
    }
}
