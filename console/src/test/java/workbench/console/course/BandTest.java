package workbench.console.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BandTest {

    @Test
    void aFactorBandHoldsFromAFractionToAMultipleOfTheMeasurement() {
        Band twice = Band.parse("x2");
        assertThat(twice.holds(500, 1000)).isTrue();
        assertThat(twice.holds(2000, 1000)).isTrue();
        assertThat(twice.holds(499, 1000)).isFalse();
        assertThat(twice.holds(2001, 1000)).isFalse();
        assertThat(twice.holds(0, 0)).isTrue();
        assertThat(twice.holds(1, 0)).isFalse();
        assertThat(twice).hasToString("within a factor of 2");
    }

    @Test
    void aDistanceBandSuitsFiguresThatCanBeZero() {
        Band five = Band.parse("±5");
        assertThat(five.holds(0, 4)).isTrue();
        assertThat(five.holds(10, 4)).isFalse();
        assertThat(Band.parse("+-5")).isEqualTo(five);
        assertThat(five).hasToString("within ±5");
    }

    @Test
    void saysHowABandIsWrittenWhenItCannotReadOne() {
        assertThatThrownBy(() -> Band.parse("about right")).hasMessageContaining("x2").hasMessageContaining("±5");
        assertThatThrownBy(() -> Band.parse("x1")).isInstanceOf(IllegalArgumentException.class);
    }
}
