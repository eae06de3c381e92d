package org.deceptron.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Pins every setting of every family preset (and of the defaults) to the values {@code dipg train --family <id>}
 * used when the presets became data: a refactoring of the options or presets must not change a trained model.
 */
class TrainingPresetsTest {

    /** Preset key (family id, or generic preset with its sizes) -> all settings. */
    private static final Map<String, String> PINNED = Map.ofEntries(
            Map.entry("heat-1d",
                      "f=mlp[] g=mlp[] norm=GLOBAL/PER_COMPONENT data=4000/500/128 epochs=140/100/120"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=false losses=0.25/0.02/1.0"
                      + " jcp=16/2/64/4 target=EXACT recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("heat-2d",
                      "f=mlp[] g=mlp[]"
                      + " norm=GLOBAL/GLOBAL data=3000/375/32 epochs=60/40/60"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=true losses=0.15/0.02/0.5"
                      + " jcp=8/1/32/2 target=EXACT recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("heat-3d",
                      "f=mlp[] g=mlp[]"
                      + " norm=GLOBAL/GLOBAL data=3000/375/64 epochs=60/40/60"
                      + " lr=0.002/0.002/0.002 wd=1.0E-6 clip=5.0 cosine=true losses=0.15/0.005/5.0"
                      + " jcp=6/1/24/2 target=EXACT recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("darcy-2d",
                      "f=mlp[1024] g=mlp[1024] norm=GLOBAL/PER_COMPONENT data=6000/750/64 epochs=80/60/40"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=true losses=0.2/0.02/0.2"
                      + " jcp=8/1/32/2 target=EXACT recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("adv-diff-2d",
                      "f=mlp[] g=mlp[]"
                      + " norm=GLOBAL/GLOBAL data=3000/375/32 epochs=60/40/60"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=true losses=0.15/0.005/0.5"
                      + " jcp=8/1/32/2 target=EXACT recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("allen-cahn-2d",
                      "f=mlp[] g=mlp[]"
                      + " norm=GLOBAL/GLOBAL data=3000/375/32 epochs=60/40/60"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=true losses=0.05/0.01/0.5"
                      + " jcp=8/1/32/2 target=EXACT recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("navier-stokes-2d",
                      "f=conv2d[16, 16] C12 x2 blocks k3 circular"
                      + " g=conv2d[16, 16] C12 x2 blocks k3 circular"
                      + " norm=GLOBAL/GLOBAL data=2000/250/32 epochs=30/20/20"
                      + " lr=0.002/0.001/5.0E-4 wd=1.0E-6 clip=5.0 cosine=true losses=0.05/0.01/0.1"
                      + " jcp=8/1/32/2 target=EXACT recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("heat-2d-12x12",
                      "f=conv2d[12, 12] C12 x1 blocks k3 zero"
                      + " g=conv2d[12, 12] C12 x1 blocks k3 zero"
                      + " norm=GLOBAL/GLOBAL data=2000/250/32 epochs=40/30/20"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=true losses=0.15/0.02/0.5"
                      + " jcp=8/1/32/2 target=SURROGATE recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("heat-2d-24x24",
                      "f=conv2d[24, 24] C12 x1 blocks k3 zero"
                      + " g=conv2d[24, 24] C12 x1 blocks k3 zero"
                      + " norm=GLOBAL/GLOBAL data=2000/250/32 epochs=40/30/20"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=true losses=0.15/0.02/0.5"
                      + " jcp=8/1/32/2 target=SURROGATE recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("generic(10,700)",
                      "f=mlp[512] g=mlp[512] norm=PER_COMPONENT/PER_COMPONENT data=2000/250/64 epochs=60/40/30"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=false losses=0.25/0.02/1.0"
                      + " jcp=16/2/64/4 target=SURROGATE recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("generic(10,20)",
                      "f=mlp[64] g=mlp[64] norm=PER_COMPONENT/PER_COMPONENT data=2000/250/64 epochs=60/40/30"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=false losses=0.25/0.02/1.0"
                      + " jcp=16/2/64/4 target=SURROGATE recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"),
            Map.entry("default",
                      "f=mlp[]+lrelu g=mlp[128] norm=PER_COMPONENT/PER_COMPONENT data=4000/500/128 epochs=140/100/120"
                      + " lr=0.002/0.002/0.001 wd=1.0E-6 clip=5.0 cosine=false losses=0.25/0.02/1.0"
                      + " jcp=16/2/64/4 target=SURROGATE recGuard=Infinity recOnData=true"
                      + " seed=7 dtype=FLOAT threads=2 branches=true/true"));

    /** All settings of an options value, in a fixed order. */
    static String describe(final TrainingOptions o) {
        final NetworkSettings net = o.networks();
        final DataSettings data = o.data();
        final OptimizerSettings opt = o.optimizer();
        final ReverseLoss loss = o.loss();
        final JcpSampling jcp = o.jcp();
        return "f=" + net.forward().describe() + " g=" + net.reverse().describe() + " norm=" + net.xNorm() + "/"
               + net.yNorm() + " data=" + data.samples() + "/" + data.validationSamples() + "/" + data.batch()
               + " epochs=" + o.schedule(TrainingStage.S1).epochs() + "/" + o.schedule(TrainingStage.S2).epochs() + "/"
               + o.schedule(TrainingStage.S3).epochs()
               + " lr=" + o.schedule(TrainingStage.S1).learningRate() + "/"
               + o.schedule(TrainingStage.S2).learningRate() + "/"
               + o.schedule(TrainingStage.S3).learningRate() + " wd=" + opt.weightDecay() + " clip=" + opt.clip()
               + " cosine=" + opt.cosine() + " losses=" + loss.cycleWeight() + "/" + loss.cycleNoise() + "/"
               + loss.jcpWeight()
               + " jcp=" + jcp.samples() + "/" + jcp.probes() + "/" + jcp.rjcpSamples() + "/" + jcp.rjcpProbes()
               + " target=" + jcp.target() + " recGuard=" + loss.recGuard() + " recOnData=" + loss.recOnData()
               + " seed=" + o.seed() + " dtype=" + o.dtype() + " threads=" + data.threads()
               + " branches=" + o.trains(Branch.PLUS_JCP) + "/" + o.trains(Branch.MINUS_JCP);
    }

    private static String actual(final String key) {
        switch (key) {
            case "generic(10,700)":
                return describe(TrainingPresets.forId("foo", 10, 700));
            case "generic(10,20)":
                return describe(TrainingPresets.forId("foo", 10, 20));
            case "default":
                return describe(TrainingOptions.defaults());
            default:
                if (key.startsWith("heat-2d-")) {
                    return describe(TrainingPresets.heat2dOnGrid(Integer.parseInt(key.substring(8, key.indexOf('x')))));
                }
                return describe(TrainingPresets.forId(key, -1, -1));
        }
    }

    @Test
    void everyPresetKeepsItsSettings() {
        assertThat(PINNED).hasSize(12);
        PINNED.forEach((key, expected) -> assertThat(actual(key)).as(key).isEqualTo(expected));
    }

    @Test
    void presetsAreImmutableValues() {
        final TrainingOptions a = TrainingPresets.forId("heat-1d", -1, -1);
        final TrainingOptions changed = a.toBuilder().samples(1, 1).build();
        assertThat(changed.data().samples()).isEqualTo(1);
        assertThat(TrainingPresets.forId("heat-1d", -1, -1)).isEqualTo(a).isSameAs(FamilyPreset.HEAT_1D.options());
        assertThat(a.data().samples()).isEqualTo(4000);
        assertThat(changed.toBuilder().samples(4000, 500).build()).isEqualTo(a).hasSameHashCodeAs(a);
    }

    @Test
    void everyBenchmarkFamilyHasAPresetUnderItsId() {
        assertThat(FamilyPreset.values()).extracting(FamilyPreset::familyId)
            .containsExactly("heat-1d", "heat-2d", "heat-3d", "darcy-2d", "adv-diff-2d", "allen-cahn-2d",
                             "navier-stokes-2d");
        for (final FamilyPreset p : FamilyPreset.values()) {
            assertThat(FamilyPreset.of(p.familyId())).contains(p);
        }
        assertThat(FamilyPreset.of("heat-2d-12x12")).isEmpty();
        // a family without a preset: the generic one, with JCP against the exact tangent when the model has one
        assertThat(TrainingPresets.forFamily(new TinyFamily(8, 8)))
                .isEqualTo(TrainingPresets.generic(8, 8).toBuilder().jcpTarget(JcpTarget.EXACT).build());
        assertThat(TrainingPresets.forFamily(TinyFamily.valueOnly(new TinyFamily(8, 8))))
                .isEqualTo(TrainingPresets.generic(8, 8).toBuilder().jcpTarget(JcpTarget.SURROGATE).build());
    }
}
