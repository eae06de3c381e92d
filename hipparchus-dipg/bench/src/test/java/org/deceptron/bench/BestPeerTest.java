package org.deceptron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The best-peer rule on synthetic rows, and the break-even against it. */
class BestPeerTest {

    private static MethodSummary row(final String method, final double success, final double ms) {
        return new MethodSummary("f", method, 4, 4, 10, success, 2, 3, 0, 0.1, ms, 1.0,
                new WorkMedians(3, 0, 0, 0, 3), ms, ms, "", Double.NaN);
    }

    @Test
    void theFastestPeerAtLeastAsReliableAsDipgWins() {
        final List<MethodSummary> rows = List.of(row("dipg", 0.9, 1.0), row("lm", 1.0, 50.0), row("gn", 0.5, 2.0),
                row("gn-krylov", 0.9, 8.0), row("linear-inverse", 1.0, 12.0));
        // gn is faster but fails more often than D-IPG: it does not count
        assertThat(BestPeer.select(rows)).hasValueSatisfying(s -> assertThat(s.method()).isEqualTo("gn-krylov"));
    }

    @Test
    void learnedMethodsAndAblationsAreNeverPeers() {
        final List<MethodSummary> rows = List.of(row("dipg", 1.0, 5.0), row("dipg-nojcp", 1.0, 0.1),
                row("dipg-identity", 1.0, 0.2), row("one-shot", 1.0, 0.05), row("lm", 1.0, 40.0));
        assertThat(BestPeer.select(rows)).hasValueSatisfying(s -> assertThat(s.method()).isEqualTo("lm"));
    }

    @Test
    void noPeerWhenDipgIsMoreReliableThanEveryPeer() {
        final List<MethodSummary> rows = List.of(row("dipg", 1.0, 5.0), row("lm", 0.9, 40.0), row("gn", 0.8, 4.0));
        assertThat(BestPeer.select(rows)).isEmpty();
    }

    @Test
    void withoutDipgTheBarIsTheMostReliablePeer() {
        final List<MethodSummary> rows = List.of(row("lm", 1.0, 40.0), row("gn", 0.6, 4.0),
                row("linear-inverse", 1.0, 30.0));
        assertThat(BestPeer.select(rows)).hasValueSatisfying(s -> assertThat(s.method()).isEqualTo("linear-inverse"));
    }

    @Test
    void aTieGoesToTheFirstPeerInMethodOrder() {
        final List<MethodSummary> rows = List.of(row("dipg", 0.5, 1.0), row("lm", 1.0, 7.0), row("gn", 1.0, 7.0));
        assertThat(BestPeer.select(rows)).hasValueSatisfying(s -> assertThat(s.method()).isEqualTo("lm"));
    }

    @Test
    void everyRowGetsTheFamilysPeerAndItsOwnRatio() {
        final LinearFamily family = new LinearFamily();
        final java.util.Map<BenchMethod, List<InstanceResult>> results = new java.util.EnumMap<>(BenchMethod.class);
        results.put(BenchMethod.DIPG, List.of(result(true, 1), result(true, 2), result(true, 4)));
        results.put(BenchMethod.LM, List.of(result(true, 100), result(true, 100), result(true, 100)));
        results.put(BenchMethod.GN, List.of(result(false, 1), result(false, 1), result(false, 1)));
        results.put(BenchMethod.GN_KRYLOV, List.of(result(true, 10), result(true, 10), result(true, 8)));
        final List<MethodSummary> rows = BenchRunner.summarize(family, results);
        assertThat(rows).extracting(MethodSummary::bestPeer).containsOnly("gn-krylov");
        // per-instance ratios 10, 5, 2 -> median 5
        assertThat(ResultsWriterTestSupport.row(rows, "dipg").speedupVsBestPeer()).isEqualTo(5.0);
        assertThat(ResultsWriterTestSupport.row(rows, "gn-krylov").speedupVsBestPeer()).isEqualTo(1.0);
        assertThat(ResultsWriterTestSupport.row(rows, "lm").speedupVsBestPeer()).isEqualTo(0.1);
    }

    @Test
    void breakEvenCountsTheTrainingAgainstThePeersSetup() {
        // 100 s of training, 10 ms saved per solve: 10,000 solves
        assertThat(BreakEven.solves(100, 0, 12, 2)).isEqualTo(10_000);
        // a 40 s setup of the peer is saved too
        assertThat(BreakEven.solves(100, 40, 12, 2)).isEqualTo(6_000);
        assertThat(BreakEven.solves(10, 40, 12, 2)).isZero();
        assertThat(BreakEven.solves(100, 0, 2, 12)).isInfinite();
        assertThat(BreakEven.solves(Double.NaN, 0, 12, 2)).isNaN();
    }

    @Test
    void slowRatiosKeepTwoSignificantDigits() {
        assertThat(ResultsWriter.ratio(0.01534)).isEqualTo("0.015x");
        assertThat(ResultsWriter.ratio(0.6)).isEqualTo("0.60x");
        assertThat(ResultsWriter.ratio(3.31)).isEqualTo("3.3x");
        assertThat(ResultsWriter.ratio(231.7)).isEqualTo("232x");
        assertThat(ResultsWriter.ratio(Double.NaN)).isEqualTo("-");
    }

    private static InstanceResult result(final boolean ok, final double ms) {
        return new InstanceResult(ok, 2, 3, 0, new SolveCounts(3, 0, 0, 0, 0), 0.1, 1.0, ms, null, List.of());
    }
}
