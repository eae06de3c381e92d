package org.deceptron.pde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong lengths, non-finite data and points outside the box fail with MathIllegalArgumentException. */
class BadInputTest {

    static Stream<ForwardFamily> families() {
        return Families.all().stream();
    }

    @ParameterizedTest
    @MethodSource("families")
    void badInputIsRejectedWithClearExceptions(final ForwardFamily f) {
        final int n = f.model().parameterSize();
        final int m = f.model().observationSize();
        final double[] x = f.protocol().defaultStart();
        final double[] v = new double[n];
        final double[] w = new double[m];
        // wrong lengths
        assertThatThrownBy(() -> f.model().value(new double[n + 1])).isInstanceOf(MathIllegalArgumentException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> f.model().jacobian(new double[n - 1])).isInstanceOf(MathIllegalArgumentException.class);
        assertThatThrownBy(() -> f.model().jvp(x, new double[n + 2])).isInstanceOf(MathIllegalArgumentException.class);
        assertThatThrownBy(() -> f.model().vjp(x, new double[m + 1])).isInstanceOf(MathIllegalArgumentException.class);
        assertThatThrownBy(() -> f.model().value(null)).isInstanceOf(MathIllegalArgumentException.class);
        assertThatThrownBy(() -> FamilyProblemFactory.create(f, new double[m - 1], x)).isInstanceOf(MathIllegalArgumentException.class);
        assertThatThrownBy(() -> FamilyProblemFactory.create(f, w, new double[n + 1])).isInstanceOf(MathIllegalArgumentException.class);
        // non-finite observations, points and directions
        final double[] nanObs = new double[m];
        nanObs[m / 2] = Double.NaN;
        assertThatThrownBy(() -> FamilyProblemFactory.create(f, nanObs, x)).isInstanceOf(MathIllegalArgumentException.class)
                .hasMessageContaining("non-finite");
        final double[] infObs = new double[m];
        infObs[0] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> FamilyProblemFactory.create(f, infObs, x)).isInstanceOf(MathIllegalArgumentException.class);
        final double[] nanX = x.clone();
        nanX[1] = Double.NaN;
        assertThatThrownBy(() -> f.model().value(nanX)).isInstanceOf(MathIllegalArgumentException.class);
        final double[] infV = v.clone();
        infV[0] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> f.model().jvp(x, infV)).isInstanceOf(MathIllegalArgumentException.class);
        // outside the box
        final double[] outside = x.clone();
        outside[n - 1] = f.model().upperBounds()[n - 1] + 0.5;
        assertThatThrownBy(() -> f.model().value(outside)).isInstanceOf(MathIllegalArgumentException.class)
                .hasMessageContaining("outside the box");
        final double[] below = x.clone();
        below[0] = f.model().lowerBounds()[0] - 0.5;
        assertThatThrownBy(() -> f.model().jvp(below, v)).isInstanceOf(MathIllegalArgumentException.class)
                .hasMessageContaining("outside the box");
        assertThatThrownBy(() -> f.model().jacobian(below)).isInstanceOf(MathIllegalArgumentException.class);
        assertThatThrownBy(() -> f.model().vjp(outside, w)).isInstanceOf(MathIllegalArgumentException.class);
    }
}
