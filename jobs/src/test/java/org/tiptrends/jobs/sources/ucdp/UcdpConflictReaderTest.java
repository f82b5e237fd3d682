package org.tiptrends.jobs.sources.ucdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.sources.InputException;

class UcdpConflictReaderTest {
  static final String HEADER = "conflict_id,location,side_a,side_b,gwno_loc,incompatibility,year,"
      + "intensity_level,type_of_conflict,region,version";

  @Test
  void everyLocatedStateOfAConflictYearBecomesALocation(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("ucdp.csv");
    Files.writeString(f, HEADER + "\n"
        + "218,Sudan,Government of Sudan,SPLM/A,625,1,2001,2,3,4,23.1\n"
        + "11346,\"Ethiopia, Eritrea\",Government of Ethiopia,Government of Eritrea,\"530, 531\",1,1999,2,2,4,23.1\n"
        + "999,Atlantis,Government of Atlantis,X,9999,1,2001,1,3,4,23.1\n"
        + "1000,Peru,Government of Peru,Sendero Luminoso,135,2,1990,7,3,5,23.1\n");
    UcdpConflictReader.Result r = new UcdpConflictReader().read(org.tiptrends.jobs.io.Location.local(f), UcdpSource.gleditschWard());
    assertEquals(List.of("SDN", "ETH", "ERI"), r.locations().stream().map(UcdpConflictReader.ConflictLocation::iso3).toList());
    assertEquals(2, r.locations().get(1).type());
    assertEquals(List.of("9999"), r.unmappedGwCodes());
    assertEquals(1, r.badRows().size(), "intensity 7 is not a UCDP intensity");
    assertEquals(4, r.rowsRead());
  }

  @Test
  void aFileResavedByPandasOrTrimmedToTheColumnsUsedReadsTheSame(@TempDir Path tmp) throws Exception {
    Path asPublished = tmp.resolve("a.csv");
    Files.writeString(asPublished, HEADER + ",start_date\n"
        + "218,Sudan,Government of Sudan,SPLM/A,625,1,2001,2,3,4,23.1,5/29/97\n"
        + "11346,\"Ethiopia, Eritrea\",Government of Ethiopia,Government of Eritrea,\"530, 531\",1,1999,2,2,4,23.1,1/1/98\n");
    // pandas: an unnamed index column, "23,1" from a European locale, ISO dates; CRLF
    Path pandas = tmp.resolve("b.csv");
    Files.writeString(pandas, "," + HEADER + ",start_date\r\n"
        + "0,218,Sudan,Government of Sudan,SPLM/A,625,1,2001,2,3,4,\"23,1\",1997-05-29\r\n"
        + "1,11346,\"Ethiopia, Eritrea\",Government of Ethiopia,Government of Eritrea,\"530, 531\",1,1999,2,2,4,\"23,1\",1998-01-01\r\n");
    // only the columns the job uses, and a trailing empty column
    Path trimmed = tmp.resolve("c.csv");
    Files.writeString(trimmed, "conflict_id,year,gwno_loc,intensity_level,type_of_conflict,\n"
        + "218,2001,625,2,3,\n11346,1999,\"530, 531\",2,2,\n");
    var gw = UcdpSource.gleditschWard();
    UcdpConflictReader.Result a = new UcdpConflictReader().read(org.tiptrends.jobs.io.Location.local(asPublished), gw);
    UcdpConflictReader.Result b = new UcdpConflictReader().read(org.tiptrends.jobs.io.Location.local(pandas), gw);
    UcdpConflictReader.Result c = new UcdpConflictReader().read(org.tiptrends.jobs.io.Location.local(trimmed), gw);
    assertEquals(a.locations(), b.locations());
    assertEquals(List.of("23.1"), b.versions(), "the decimal comma read as a point");
    assertEquals(a.locations().stream().map(l -> l.year() + l.iso3() + l.conflictId() + l.intensity() + l.type()).toList(),
        c.locations().stream().map(l -> l.year() + l.iso3() + l.conflictId() + l.intensity() + l.type()).toList());
    assertEquals(List.of(), c.versions());
    assertEquals(3, c.locations().size());
  }

  @Test
  void missingColumnsAreNamed(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("bad.csv");
    Files.writeString(f, "conflict_id,year\n1,2000\n");
    InputException e = assertThrows(InputException.class, () -> new UcdpConflictReader().read(org.tiptrends.jobs.io.Location.local(f), Map.of()));
    assertTrue(e.getMessage().contains("gwno_loc") && e.getMessage().contains("intensity_level"), e.getMessage());
  }

  @Test
  void gleditschWardCodesMapToM49Countries() {
    Map<Integer, String> gw = UcdpSource.gleditschWard();
    assertEquals("USA", gw.get(2));
    assertEquals("GBR", gw.get(200));
    assertEquals("RUS", gw.get(365));
    assertEquals("COD", gw.get(490));
    assertEquals("SSD", gw.get(626));
    assertEquals("TWN", gw.get(713));
    assertTrue(gw.values().stream().allMatch(iso -> ReferenceData.standard().country(iso).isPresent()));
    assertTrue(gw.size() > 190, gw.size() + " states");
  }
}
