package workbench.console.course;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WrongAnswerSampleTest {

    private static final List<WrongAnswer> KEPT = IntStream.range(0, 7)
            .mapToObj(i -> new WrongAnswer("variant-" + i, Path.of("W" + i + ".java"), "test", "course", "idea"))
            .toList();

    @Test
    void eachRunProvesExactlyItsShare() {
        for (long seed = 0; seed < 20; seed++) {
            WrongAnswerSample sample = new WrongAnswerSample(2, seed);
            assertThat(KEPT.stream().filter(wrong -> sample.includes(KEPT, wrong))).hasSize(2);
        }
    }

    @Test
    void successiveRunsProveEveryOneWithinAFewDays() {
        Set<String> proved = new HashSet<>();
        for (long seed = 20_000; seed < 20_004; seed++) {
            WrongAnswerSample sample = new WrongAnswerSample(2, seed);
            KEPT.stream().filter(wrong -> sample.includes(KEPT, wrong)).forEach(wrong -> proved.add(wrong.variant()));
        }
        assertThat(proved).hasSize(KEPT.size());
    }

    @Test
    void allProvesEveryOne() {
        WrongAnswerSample all = new WrongAnswerSample(Integer.MAX_VALUE, 3);
        assertThat(KEPT).allMatch(wrong -> all.includes(KEPT, wrong));
    }
}
