package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line. */
class ApiMainTest {
  @Test
  void parsesTheOptions(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "  abc123-XYZ\n");
    ApiMain.Options o = ApiMain.parse(new String[] {"--marts", dir.toString(), "--port", "0", "--admin-token-file",
        token.toString(), "--host", "127.0.0.1"});
    assertEquals(dir, o.marts());
    assertEquals(0, o.port());
    assertEquals("127.0.0.1", o.host());
    assertEquals("abc123-XYZ", o.adminToken());
    ApiMain.Options defaults = ApiMain.parse(new String[] {"--marts", dir.toString()});
    assertEquals(7070, defaults.port());
    assertEquals(null, defaults.adminToken());
  }

  @Test
  void refusesBadCommandLinesWithAReason(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    String[][] bad = {
        {},
        {"--marts"},
        {"--marts", dir.resolve("missing").toString()},
        {"--marts", dir.toString(), "--port", "http"},
        {"--marts", dir.toString(), "--port", "70000"},
        {"--marts", dir.toString(), "--admin-token-file", empty.toString()},
        {"--marts", dir.toString(), "--admin-token-file", dir.resolve("nope").toString()},
        {"--marts", dir.toString(), "--verbose", "x"},
        {"marts"}};
    for (String[] args : bad) {
      ApiMain.UsageException e = assertThrows(ApiMain.UsageException.class, () -> ApiMain.parse(args),
          String.join(" ", args));
      assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
    }
  }
}
