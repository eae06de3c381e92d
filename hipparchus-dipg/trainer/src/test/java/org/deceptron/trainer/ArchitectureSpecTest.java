package org.deceptron.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;

/** The text form of architectures taken by {@code dipg train --arch}. */
class ArchitectureSpecTest {

    @Test
    void parsesMlpsAndConvNets() {
        assertThat(ArchitectureSpec.parse("mlp:256,1024,256"))
                .isEqualTo(new Architecture.Mlp(new int[] {256, 1024, 256}, false, false));
        assertThat(ArchitectureSpec.parse("MLP:64:tanh")).isEqualTo(new Architecture.Mlp(new int[] {64}, false, true));
        assertThat(ArchitectureSpec.parse("linear")).isEqualTo(new Architecture.Mlp(new int[0], false, false));
        assertThat(ArchitectureSpec.parse("mlp:")).isEqualTo(new Architecture.Mlp(new int[0], false, false));
        assertThat(ArchitectureSpec.parse("conv:32x32:C16:B2:circular"))
                .isEqualTo(new Architecture.ConvResNet(new int[] {32, 32}, 16, 2, 3, true, false));
        assertThat(ArchitectureSpec.parse("conv:8x8x8"))
                .isEqualTo(new Architecture.ConvResNet(new int[] {8, 8, 8}, 12, 1, 3, false, false));
        assertThat(ArchitectureSpec.parse("conv:24x24:c12:b1:k5:zero:tanh"))
                .isEqualTo(new Architecture.ConvResNet(new int[] {24, 24}, 12, 1, 5, false, true));
    }

    @Test
    void formatIsTheInverseOfParse() {
        for (final FamilyPreset p : FamilyPreset.values()) {
            for (final Architecture a : new Architecture[] {p.options().networks().forward(),
                p.options().networks().reverse()}) {
                assertThat(ArchitectureSpec.parse(ArchitectureSpec.format(a))).as(p.familyId()).isEqualTo(a);
            }
        }
    }

    @Test
    void badTextSaysWhatIsWrong() {
        assertThatThrownBy(() -> ArchitectureSpec.parse("resnet:3")).isInstanceOf(MathIllegalArgumentException.class)
                .hasMessageContaining("unknown kind 'resnet'").hasMessageContaining("expected mlp:");
        assertThatThrownBy(() -> ArchitectureSpec.parse("mlp:64,x")).hasMessageContaining("'x' is not an integer");
        assertThatThrownBy(() -> ArchitectureSpec.parse("mlp:0")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> ArchitectureSpec.parse("conv:16")).hasMessageContaining("2 or 3 extents");
        assertThatThrownBy(() -> ArchitectureSpec.parse("conv:16x16:k4")).hasMessageContaining("odd");
        assertThatThrownBy(() -> ArchitectureSpec.parse("conv:16x16:wide")).hasMessageContaining("'wide'");
        assertThatThrownBy(() -> ArchitectureSpec.parse(null)).isInstanceOf(MathIllegalArgumentException.class);
    }
}
