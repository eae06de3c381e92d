package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.deceptron.dipg.nn.Dense;
import org.deceptron.dipg.nn.Network;
import org.deceptron.dipg.nn.Padding;
import org.deceptron.dipg.spi.DeceptronSession;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelDeceptronTest {

    // f(x) = A x + a (2 -> 3), g(y) = B y + b (3 -> 2), in normalised coordinates
    private static final double[] A = {1, 2, -1, 0.5, 3, 1};
    private static final double[] AB = {0.25, -1, 2};
    private static final double[] B = {1, 0, 2, -1, 0.5, 4};
    private static final double[] BB = {3, -2};
    private static final double[] X_MEAN = {10, -5};
    private static final double[] X_STD = {2, 0.5};
    private static final double[] Y_MEAN = {1, 2, 3};
    private static final double[] Y_STD = {4, 0.25, 1};

    private static DeceptronModel linearModel() {
        return new DeceptronModel("linear", "fam", "fp",
                                  new Network(List.of(new Dense(2, 3, A, AB))),
                                  new Network(List.of(new Dense(3, 2, B, BB))),
                                  new Normalization(X_MEAN, X_STD), new Normalization(Y_MEAN, Y_STD),
                                  TestModels.record());
    }

    @Test
    void inverseIsInPhysicalUnits() {
        final double[] y = {5, 2.5, -1};
        final double[] yn = new double[3];
        for (int i = 0; i < 3; i++) {
            yn[i] = (y[i] - Y_MEAN[i]) / Y_STD[i];
        }
        final double[] expected = new double[2];
        for (int o = 0; o < 2; o++) {
            double s = BB[o];
            for (int i = 0; i < 3; i++) {
                s += B[o * 3 + i] * yn[i];
            }
            expected[o] = s * X_STD[o] + X_MEAN[o];
        }
        final double[] x = new double[2];
        final double[] dx = new double[2];
        final DeceptronSession session = new ModelDeceptron(linearModel()).newSession();
        session.inverse(y, x);
        assertThat(x).containsExactly(expected, within(1e-12));
        // J_g_phys dy = diag(xStd) B diag(1 / yStd) dy
        final double[] dy = {1, -2, 0.5};
        session.inverseJvp(y, dy, x, dx);
        assertThat(x).containsExactly(expected, within(1e-12));
        for (int o = 0; o < 2; o++) {
            double s = 0;
            for (int i = 0; i < 3; i++) {
                s += B[o * 3 + i] * dy[i] / Y_STD[i];
            }
            assertThat(dx[o]).isCloseTo(X_STD[o] * s, within(1e-12));
        }
    }

    @Test
    void forwardIsInPhysicalUnits() {
        final double[] x = {11, -4};
        final double[] dx = {0.5, 2};
        final double[] y = new double[3];
        final double[] dy = new double[3];
        final DeceptronSession session = new ModelDeceptron(linearModel()).newSession();
        session.forwardJvp(x, dx, y, dy);
        for (int o = 0; o < 3; o++) {
            double s = AB[o];
            double t = 0;
            for (int i = 0; i < 2; i++) {
                s += A[o * 2 + i] * (x[i] - X_MEAN[i]) / X_STD[i];
                t += A[o * 2 + i] * dx[i] / X_STD[i];
            }
            assertThat(y[o]).isCloseTo(s * Y_STD[o] + Y_MEAN[o], within(1e-12));
            assertThat(dy[o]).isCloseTo(t * Y_STD[o], within(1e-12));
        }
        final double[] y2 = new double[3];
        session.forward(x, y2);
        assertThat(y2).containsExactly(y);
    }

    @Test
    void mlpJvpsMatchFiniteDifferencesThroughTheNormalisations() {
        assertJvpsMatchFiniteDifferences(TestModels.tinyMlp());
    }

    @ParameterizedTest
    @EnumSource(Padding.class)
    void convJvpsMatchFiniteDifferencesThroughTheNormalisations(final Padding padding) {
        assertJvpsMatchFiniteDifferences(TestModels.convResidual(padding));
    }

    private static void assertJvpsMatchFiniteDifferences(final DeceptronModel model) {
        final DeceptronSession session = new ModelDeceptron(model).newSession();
        final int n = model.parameterSize();
        final int m = model.observationSize();
        final Random random = new Random(31);
        final double h = 1e-6;
        // points around the means, in physical units
        final double[] x = model.xNormalization().mean();
        final double[] y = model.yNormalization().mean();
        final double[] dx = TestModels.random(random, n, 1);
        final double[] dy = TestModels.random(random, m, 1);
        final double[] noiseX = TestModels.random(random, n, 1);
        final double[] noiseY = TestModels.random(random, m, 1);
        for (int i = 0; i < n; i++) {
            x[i] += noiseX[i] * model.xNormalization().std()[i];
        }
        for (int i = 0; i < m; i++) {
            y[i] += noiseY[i] * model.yNormalization().std()[i];
        }

        final double[] gx = new double[n];
        final double[] gdx = new double[n];
        session.inverseJvp(y, dy, gx, gdx);
        final double[] plus = new double[n];
        final double[] minus = new double[n];
        session.inverse(shift(y, dy, h), plus);
        session.inverse(shift(y, dy, -h), minus);
        assertThat(relativeError(gdx, difference(plus, minus, h))).as("g JVP").isLessThanOrEqualTo(1e-6);
        final double[] gxAlone = new double[n];
        session.inverse(y, gxAlone);
        assertThat(gx).containsExactly(gxAlone);

        final double[] fy = new double[m];
        final double[] fdy = new double[m];
        session.forwardJvp(x, dx, fy, fdy);
        final double[] fPlus = new double[m];
        final double[] fMinus = new double[m];
        session.forward(shift(x, dx, h), fPlus);
        session.forward(shift(x, dx, -h), fMinus);
        assertThat(relativeError(fdy, difference(fPlus, fMinus, h))).as("f JVP").isLessThanOrEqualTo(1e-6);
    }

    private static double[] shift(final double[] v, final double[] d, final double h) {
        final double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] + h * d[i];
        }
        return r;
    }

    private static double[] difference(final double[] plus, final double[] minus, final double h) {
        final double[] r = new double[plus.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return r;
    }

    private static double relativeError(final double[] actual, final double[] expected) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < actual.length; i++) {
            num += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            den += expected[i] * expected[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void reportsTheModelsMetadata() {
        final DeceptronModel model = linearModel();
        final ModelDeceptron plus = new ModelDeceptron(model);
        assertThat(plus.model()).isSameAs(model);
        assertThat(plus.name()).isEqualTo("linear");
        assertThat(plus.familyId()).isEqualTo("fam");
        assertThat(plus.familyFingerprint()).isEqualTo("fp");
        assertThat(plus.parameterSize()).isEqualTo(2);
        assertThat(plus.observationSize()).isEqualTo(3);
        assertThat(plus.trainingRjcp()).isEqualTo(0.05);
        assertThat(plus.trainingSeconds()).isEqualTo(25);
        final ModelDeceptron minus = new ModelDeceptron(
            model.withTrainingRecord(model.trainingRecord().toBuilder().jcp(false).build()));
        assertThat(minus.trainingRjcp()).isEqualTo(0.4);
        final ModelDeceptron unknown = new ModelDeceptron(model.withTrainingRecord(TrainingRecord.empty()));
        assertThat(unknown.trainingRjcp()).isNaN();
        assertThat(unknown.trainingSeconds()).isNaN();
    }

    @Test
    void sessionsAreIndependentAndCheckLengths() {
        final ModelDeceptron deceptron = new ModelDeceptron(TestModels.tinyMlp());
        final DeceptronSession first = deceptron.newSession();
        final DeceptronSession second = deceptron.newSession();
        assertThat(first).isNotSameAs(second);
        final double[] y = {1, 2, 3, 4};
        final double[] x1 = new double[3];
        final double[] x2 = new double[3];
        first.inverse(y, x1);
        second.inverse(new double[] {4, 3, 2, 1}, x2);
        final double[] again = new double[3];
        first.inverse(y, again);
        assertThat(again).containsExactly(x1);
        assertThatThrownBy(() -> first.inverse(new double[3], x1)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("y has length 3, expected 4");
        assertThatThrownBy(() -> first.inverseJvp(y, y, x1, new double[4]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessage("dx has length 4, expected 3");
        assertThatThrownBy(() -> first.forward(x1, new double[3])).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("y has length 3, expected 4");
        assertThatThrownBy(() -> first.forwardJvp(x1, null, y, y)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("dx is null, expected length 3");
    }
}
