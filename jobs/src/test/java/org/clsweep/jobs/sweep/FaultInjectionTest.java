package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clsweep.data.spec.SpecException;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    @Test
    void offUnlessThePropertyIsSet() {
        assertThat(System.getProperty(FaultInjection.PROPERTY)).isNull();
        assertThat(FaultInjection.fromSystemProperty()).isSameAs(FaultInjection.NONE);
        assertThat(FaultInjection.NONE.active()).isFalse();
        assertThatCode(() -> {
            FaultInjection.NONE.beforeRun("0123456789abcdef", 1);
            FaultInjection.NONE.onMoreRows(0, 5);
        }).doesNotThrowAnyException();
    }

    @Test
    void parsesEveryFault() {
        FaultInjection f = FaultInjection.parse("fail-seed=2, fail-seed=5,fail-cell=00ff00ff00ff00ff,fail-task-once,"
                + "delay-ms=1");
        assertThat(f.active()).isTrue();
        assertThat(f.failSeeds()).containsExactlyInAnyOrder(2L, 5L);
        assertThat(f.failCells()).containsExactly("00ff00ff00ff00ff");
        assertThat(f.failTaskOnce()).isTrue();
        assertThat(f.delayMs()).isEqualTo(1);
        assertThatThrownBy(() -> f.beforeRun("aaaaaaaaaaaaaaaa", 5)).isInstanceOf(FaultInjection.InjectedFault.class)
                .hasMessageContaining("seed 5");
        assertThatThrownBy(() -> f.beforeRun("00ff00ff00ff00ff", 1)).isInstanceOf(FaultInjection.InjectedFault.class);
        assertThatCode(() -> f.beforeRun("aaaaaaaaaaaaaaaa", 1)).doesNotThrowAnyException();
    }

    @Test
    void aTaskFailsOnlyInItsFirstAttemptAndOnlyAfterARow() {
        FaultInjection f = FaultInjection.parse("fail-task-once");
        assertThatCode(() -> f.onMoreRows(0, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> f.onMoreRows(0, 1)).isInstanceOf(FaultInjection.InjectedFault.class)
                .hasMessageContaining("injected task failure");
        assertThatCode(() -> f.onMoreRows(1, 1)).doesNotThrowAnyException();
    }

    @Test
    void malformedValuesNameTheProperty() {
        for (String bad : new String[] {"explode", "fail-seed", "fail-seed=two", "delay-ms=-1", "fail-cell="}) {
            assertThatThrownBy(() -> FaultInjection.parse(bad)).as(bad).isInstanceOf(SpecException.class)
                    .hasMessageContaining(FaultInjection.PROPERTY)
                    .satisfies(e -> assertThat(((SpecException) e).key()).isEqualTo(FaultInjection.PROPERTY));
        }
    }
}
