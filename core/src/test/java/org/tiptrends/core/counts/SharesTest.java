package org.tiptrends.core.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tiptrends.core.counts.Shares.Share;

class SharesTest {
  private static final double EPS = 1e-12;
  /** A {@code <5} cell written out here: 0 to 4 victims, point 2 (the export has no value 0-4). */
  private static final CountInterval LT5 = new CountInterval(0, 4, 2, true);

  static Stream<Arguments> handComputed() {
    CountInterval twoSuppressed = LT5.plus(LT5); // [0, 8], point 4
    return Stream.of(
        // part, rest, point, low, high
        Arguments.of(CountInterval.exact(30), CountInterval.exact(70), 0.3, 0.3, 0.3),
        Arguments.of(twoSuppressed, CountInterval.exact(45), 4.0 / 49, 0.0, 8.0 / 53),
        // a lone suppressed cell against an exact 10: point 2/12, low 0/(0+10), high 4/(4+10)
        Arguments.of(LT5, CountInterval.exact(10), 2.0 / 12, 0.0, 4.0 / 14),
        // the rest is suppressed: point 10/12, low 10/(10+4), high 10/(10+0)
        Arguments.of(CountInterval.exact(10), LT5, 10.0 / 12, 10.0 / 14, 1.0),
        // all of the whole
        Arguments.of(CountInterval.exact(7), CountInterval.ZERO, 1.0, 1.0, 1.0),
        // a <5 part and nothing else: if there is any victim at all, all are the part's
        Arguments.of(LT5, CountInterval.ZERO, 1.0, 1.0, 1.0),
        // none of the whole
        Arguments.of(CountInterval.ZERO, CountInterval.exact(12), 0.0, 0.0, 0.0),
        Arguments.of(CountInterval.ZERO, LT5, 0.0, 0.0, 0.0),
        // suppressed against suppressed: point 2/4, low 0/(0+4), high 4/(4+0): nothing can be told
        Arguments.of(LT5, LT5, 0.5, 0.0, 1.0),
        // part 3 exact + one <5 = [3,7] p 5; rest 20 + two <5 = [20,28] p 24
        Arguments.of(CountInterval.exact(3).plus(LT5), CountInterval.exact(20).plus(twoSuppressed),
            5.0 / 29, 3.0 / 31, 7.0 / 27));
  }

  @ParameterizedTest
  @MethodSource("handComputed")
  void handComputedShares(CountInterval part, CountInterval rest, double point, double low, double high) {
    Share s = Shares.of(part, rest);
    assertNotNull(s);
    assertEquals(point, s.point(), EPS, "point");
    assertEquals(low, s.low(), EPS, "low");
    assertEquals(high, s.high(), EPS, "high");
  }

  @Test
  void emptyWholeHasNoShare() {
    assertNull(Shares.of(CountInterval.ZERO, CountInterval.ZERO));
    assertNull(Shares.of(CountInterval.exact(0), CountInterval.exact(0)));
  }

  /** Parts and rests built the way the jobs build them: sums of exact and {@code <5} cells. */
  static Stream<Arguments> randomWholes() {
    Random rnd = new Random(20240611L);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int partExact = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(60);
      int partSupp = rnd.nextInt(4);
      int restExact = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(200);
      int restSupp = rnd.nextInt(5);
      cases.add(Arguments.of(partExact, partSupp, restExact, restSupp));
    }
    return cases.stream();
  }

  private static CountInterval cells(int exact, int suppressed) {
    CountInterval c = CountInterval.exact(exact);
    for (int i = 0; i < suppressed; i++) {
      c = c.plus(LT5);
    }
    return c;
  }

  @ParameterizedTest(name = "part {0} + {1}x<5, rest {2} + {3}x<5")
  @MethodSource("randomWholes")
  void boundsContainThePointLieInUnitIntervalAndAreTheExtremes(int partExact, int partSupp,
      int restExact, int restSupp) {
    CountInterval part = cells(partExact, partSupp);
    CountInterval rest = cells(restExact, restSupp);
    Share s = Shares.of(part, rest);
    double wholePoint = partExact + 2.0 * partSupp + restExact + 2.0 * restSupp;
    if (wholePoint == 0) {
      assertNull(s);
      return;
    }
    assertNotNull(s);
    assertEquals((partExact + 2.0 * partSupp) / wholePoint, s.point(), EPS);
    assertTrue(0 <= s.low() && s.low() <= s.point() && s.point() <= s.high() && s.high() <= 1,
        () -> "bounds " + s);

    // Independent check: every actual count of a <5 cell is an integer 0..4, so the true part
    // and rest totals range over integers; the share's bounds are the min and max over them
    // (an empty whole has no share).
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int p = partExact; p <= partExact + 4 * partSupp; p++) {
      for (int r = restExact; r <= restExact + 4 * restSupp; r++) {
        if (p + r == 0) {
          continue;
        }
        double share = (double) p / (p + r);
        min = Math.min(min, share);
        max = Math.max(max, share);
      }
    }
    assertEquals(min, s.low(), EPS, "low is the smallest attainable share");
    assertEquals(max, s.high(), EPS, "high is the largest attainable share");
  }

  @Test
  void sharesOfComplementaryPartsAddUp() {
    CountInterval a = cells(12, 2);
    CountInterval b = cells(30, 1);
    Share sa = Shares.of(a, b);
    Share sb = Shares.of(b, a);
    assertEquals(1.0, sa.point() + sb.point(), EPS);
    assertEquals(1.0, sa.low() + sb.high(), EPS);
    assertEquals(1.0, sa.high() + sb.low(), EPS);
  }
}
