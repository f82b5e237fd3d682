package org.tiptrends.api.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HostPathsTest {
  @Test
  void anAbsolutePathBecomesItsFileName() {
    assertEquals("generated sample data in glotip.xlsx (not official)",
        HostPaths.strip("generated sample data in /home/ci/work/datasets/glotip.xlsx (not official)"));
    assertEquals("read 'wdi.csv', then pop.csv", HostPaths.strip("read '/srv/x/wdi.csv', then file:///tmp/in/pop.csv"));
    assertEquals("in ucdp.csv: 3 rows", HostPaths.strip("in C:\\Users\\ci\\ucdp.csv: 3 rows"));
  }

  @Test
  void textWithoutPathsIsUnchanged() {
    for (String t : new String[] {"3 of 5 rows <5", "rate per 100,000 (2020/2021)", "/api/v1", "a/b/c", "https://example.org/x/y"}) {
      assertEquals(t, HostPaths.strip(t));
    }
  }
}
