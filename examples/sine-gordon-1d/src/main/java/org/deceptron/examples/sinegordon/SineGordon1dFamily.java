package org.deceptron.examples.sinegordon;

import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.InstanceProtocol;
import org.osgi.service.component.annotations.Component;

/**
 * {@code sine-gordon-1d}: a forward family hipparchus-dipg does not ship, registered by this jar through
 * {@code META-INF/services/org.deceptron.dipg.spi.ForwardFamily} (and as a DS component inside OSGi).
 * <ul>
 * <li>Physics: {@code u_tt = u_xx - sin(u)} on a string of length {@link #LENGTH} = 10 with fixed ends, released
 * at rest; observed at {@link #TIME} = 0.5 through the sensor {@code y = z + 0.1 sin(2 z)}
 * ({@link SineGordon1dModel}).</li>
 * <li>Sizes: n = m = {@link #NODES} = 64 interior nodes (h = 10/65); {@link #STEPS} = 100 leapfrog steps
 * (dt = 0.005, Courant number 0.0325: far inside the CFL limit, so that the leapfrog phase error is negligible
 * against the noise).</li>
 * <li>Why T = 0.5: the sine nonlinearity softens the low modes (a large-amplitude pendulum swings slower), and for
 * T of 1 or more some instances then have a prior mode whose final displacement hardly depends on its initial one
 * (smallest singular value of J_F on the prior's 6 modes down to 0.01); at T = 0.5 it stays above 0.5 on every
 * prior sample tried, so that the data determine the prior's modes.</li>
 * <li>Prior: {@link #MODES} = 6 sine modes, coefficient k ~ N(0, (1.2/k)^2), capped at max |u0| = 3; box [-4, 4]
 * ({@link SineGordon1dProtocol}).</li>
 * <li>Noise {@link #NOISE} = 0.02 on every node; tolerance 1.5 on the 1/noise-weighted residual RMS (the default);
 * start x = 0.</li>
 * </ul>
 */
@Component(service = ForwardFamily.class, property = "family.id=" + SineGordon1dFamily.ID)
public final class SineGordon1dFamily implements ForwardFamily {

    /** Family id. */
    public static final String ID = "sine-gordon-1d";

    /** Interior nodes. */
    public static final int NODES = 64;

    /** Length of the string. */
    public static final double LENGTH = 10.0;

    /** Wave speed. */
    public static final double SPEED = 1.0;

    /** Observation time. */
    public static final double TIME = 0.5;

    /** Leapfrog steps. */
    public static final int STEPS = 100;

    /** Sensor coefficient: y = z + SENSOR sin(2 z). */
    public static final double SENSOR = 0.1;

    /** Box bound. */
    public static final double BOUND = 4.0;

    /** Prior modes. */
    public static final int MODES = 6;

    /** Prior amplitude of the first mode. */
    public static final double AMPLITUDE = 1.2;

    /** Cap on max |u0| of a prior sample. */
    public static final double CAP = 3.0;

    /** Observation noise. */
    public static final double NOISE = 0.02;

    /** The protocol. */
    private final SineGordon1dProtocol protocol;

    /** The model. */
    private final SineGordon1dModel model;

    /** Creates the family (called by ServiceLoader and by Service Component Runtime). */
    public SineGordon1dFamily() {
        this.protocol = new SineGordon1dProtocol(NODES, MODES, AMPLITUDE, CAP, NOISE);
        this.model = new SineGordon1dModel(ID, NODES, LENGTH, SPEED, TIME, STEPS, SENSOR, BOUND, protocol.describe());
    }

    /** {@inheritDoc} */
    @Override
    public ForwardModel model() {
        return model;
    }

    /** {@inheritDoc} */
    @Override
    public InstanceProtocol protocol() {
        return protocol;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "ForwardFamily[" + ID + "]";
    }
}
