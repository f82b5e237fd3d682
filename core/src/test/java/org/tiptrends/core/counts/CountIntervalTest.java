package org.tiptrends.core.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tiptrends.core.counts.CountInterval.ParseResult;

class CountIntervalTest {

  @ParameterizedTest(name = "\"{0}\" is a suppressed cell")
  @ValueSource(strings = {"<5", "< 5", " <5 ", "<  5"})
  void suppressedCellIsZeroToFourWithPointTwo(String text) {
    // the export holds no value 0-4, so <5 stands for zero too: [0, 4], the middle 2
    ParseResult r = CountInterval.parse(text);
    assertTrue(r.ok(), () -> "should parse: " + r.error());
    assertNull(r.error());
    CountInterval v = r.value();
    assertEquals(0.0, v.low());
    assertEquals(4.0, v.high());
    assertEquals(2.0, v.point());
    assertTrue(v.suppressed());
    assertFalse(v.isExact());
    assertTrue(v.mayBeZero(), "a suppressed cell may hold no victim");
  }

  @Test
  void onlyCellsThatAreAllSuppressedMayBeZero() {
    CountInterval lt5 = CountInterval.parse("<5").value();
    assertTrue(lt5.plus(lt5).mayBeZero(), "two <5 cells: [0, 8]");
    assertFalse(lt5.plus(CountInterval.exact(7)).mayBeZero(), "one exact 7 beside a <5: [7, 11]");
    assertFalse(CountInterval.ZERO.mayBeZero(), "an exact zero is zero, not 'may be'");
    assertFalse(CountInterval.exact(5).mayBeZero());
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
      "1,282      | 1282",
      "103        | 103",
      "103.0      | 103",
      "12,345,678 | 12345678",
      "0          | 0",
      "5          | 5",
      "999,999    | 999999",
      "1,000      | 1000",
      "' 42 '     | 42",
  })
  void exactCounts(String text, long expected) {
    ParseResult r = CountInterval.parse(text);
    assertTrue(r.ok(), () -> "should parse: " + r.error());
    assertNull(r.error());
    CountInterval v = r.value();
    assertEquals(expected, v.low());
    assertEquals(expected, v.high());
    assertEquals(expected, v.point());
    assertFalse(v.suppressed());
    assertTrue(v.isExact());
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "abc", "1,28", "1,2822", "12,34,567", ",123", "123,", "-3", "-1,282",
      "2.5", "103.5", "5<", "<4", "<50", "5 5", "1.282,0", "n/a", "1e3"})
  void rejectsWithAReason(String text) {
    ParseResult r = CountInterval.parse(text);
    assertFalse(r.ok());
    assertNull(r.value());
    assertNotNull(r.error());
    assertFalse(r.error().isBlank());
  }

  @ParameterizedTest(name = "\"{0}\" rejected because: {1}")
  @CsvSource(delimiter = '|', value = {
      "-3   | negative",
      "-12  | negative",
      "2.5  | whole",
      "0.1  | whole",
  })
  void reasonNamesTheProblem(String text, String word) {
    ParseResult r = CountInterval.parse(text);
    assertFalse(r.ok());
    assertTrue(r.error().toLowerCase(Locale.ROOT).contains(word), r.error());
  }

  @Test
  void emptyAndNullReasonSaysEmpty() {
    assertTrue(CountInterval.parse("").error().toLowerCase(Locale.ROOT).contains("empty"));
    assertTrue(CountInterval.parse(null).error().toLowerCase(Locale.ROOT).contains("empty"));
  }

  @Test
  void plusAddsBoundsAndPoints() {
    CountInterval a = CountInterval.parse("<5").value();
    CountInterval b = CountInterval.exact(10);
    CountInterval sum = a.plus(b);
    assertEquals(10.0, sum.low());
    assertEquals(14.0, sum.high());
    assertEquals(12.0, sum.point());
    assertTrue(sum.suppressed());
  }

  @ParameterizedTest(name = "suppressed {0} + suppressed {1} -> {2}")
  @CsvSource({"false,false,false", "true,false,true", "false,true,true", "true,true,true"})
  void plusOrsTheSuppressedFlag(boolean a, boolean b, boolean expected) {
    CountInterval x = new CountInterval(2, 3, 2, a);
    CountInterval y = new CountInterval(5, 9, 7, b);
    CountInterval sum = x.plus(y);
    assertEquals(expected, sum.suppressed());
    assertEquals(7.0, sum.low());
    assertEquals(12.0, sum.high());
    assertEquals(9.0, sum.point());
  }

  @Test
  void twoSuppressedCellsAreZeroToEight() {
    CountInterval two = CountInterval.parse("<5").value().plus(CountInterval.parse("<5").value());
    assertEquals(0.0, two.low());
    assertEquals(8.0, two.high());
    assertEquals(4.0, two.point());
    assertTrue(two.suppressed());
  }

  @Test
  void zeroIsNeutralForPlus() {
    CountInterval a = new CountInterval(3, 7, 5, true);
    assertEquals(a, a.plus(CountInterval.ZERO));
    assertEquals(a, CountInterval.ZERO.plus(a));
  }

  @ParameterizedTest(name = "[{0}, {2}] point {1} is invalid")
  @CsvSource({
      "5, 4, 10",   // low > point
      "1, 5, 4",    // point > high
      "3, 2, 1",    // both
  })
  void constructorRejectsInconsistentBounds(double low, double point, double high) {
    assertThrows(IllegalArgumentException.class, () -> new CountInterval(low, high, point, false));
  }

  @Test
  void constructorRejectsNaN() {
    assertThrows(IllegalArgumentException.class, () -> new CountInterval(0, 1, Double.NaN, false));
  }

  @Test
  void constructorAcceptsDegenerateInterval() {
    CountInterval v = new CountInterval(3, 3, 3, false);
    assertTrue(v.isExact());
  }
}
