package org.tiptrends.jobs.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.NightlyRun;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.cli.TipTrendsCommand;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.io.MiniHdfs;
import org.tiptrends.jobs.publish.MartStore;
import org.tiptrends.jobs.publish.MartsLock;
import picocli.CommandLine;

/**
 * The same run on Hadoop file system URIs: a small input with every source read from and published to
 * {@code file://} URIs and to a real HDFS (in-process MiniDFSCluster, reached as
 * {@code hdfs://localhost:<port>}). Both publish the same marts as each other; on HDFS the
 * version, {@code CURRENT}, {@code run.json} and {@code runs.jsonl} are where a local run puts
 * them, and a second run meets the lock file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HadoopUriRunTest {
  static final List<String> MARTS = FaultToleranceIT.MARTS;

  Location fileInput;
  MartStore fileMarts;
  NightlyRun.Result fileRun;
  Location hdfsInput;
  MartStore hdfsMarts;
  NightlyRun.Result hdfsRun;

  @BeforeAll
  void runBoth(@TempDir Path tmp) {
    Configuration conf = new Configuration();
    Path input = TestSupport.smallInput(tmp.resolve("input"));
    fileInput = Location.of(input.toUri().toString(), conf);
    fileMarts = new MartStore(Location.of("file://" + tmp.resolve("marts").toAbsolutePath(), conf));
    fileRun = new NightlyRun(TestSupport.spark(), m -> {}).run(fileInput, fileMarts);

    hdfsInput = MiniHdfs.upload(input, "input");
    hdfsMarts = new MartStore(MiniHdfs.newDirectory("marts"));
    hdfsRun = new NightlyRun(TestSupport.spark(), m -> {}).run(hdfsInput, hdfsMarts);
  }

  static JsonNode runJson(NightlyRun.Result r) throws Exception {
    return new ObjectMapper().readTree(r.published().resolve("run.json").readString());
  }

  @Test
  void fileUrisAreLocalPaths() throws Exception {
    assertTrue(fileMarts.root().isLocal());
    assertEquals(fileMarts.current().orElseThrow(), fileRun.version());
    assertTrue(runJson(fileRun).get("input_dir").asText().startsWith("/"), "file:// inputs are named as local paths");
  }

  @Test
  void hdfsMartsArePublishedAndCurrentNamesTheVersion() throws Exception {
    Location root = hdfsMarts.root();
    assertTrue(root.uri().startsWith("hdfs://localhost:"), root.uri());
    assertEquals(hdfsRun.version(), root.resolve("CURRENT").readString().strip());
    assertEquals(List.of(hdfsRun.version()), hdfsMarts.versions());
    for (String mart : MARTS) {
      assertTrue(root.resolve(hdfsRun.version()).resolve(mart).resolve("_SUCCESS").isFile(), mart);
    }
    List<String> left = new ArrayList<>();
    root.listFiles().forEach(f -> left.add(f.name()));
    root.listDirectories().forEach(f -> left.add(f.name() + "/"));
    assertEquals(List.of(MartStore.CURRENT, MartStore.RUN_HISTORY, hdfsRun.version() + "/"), left,
        "no lock, build or temporary file is left");
    JsonNode history = new ObjectMapper().readTree(root.resolve(MartStore.RUN_HISTORY).readString().strip());
    assertEquals("published", history.get("status").asText());
    assertEquals(hdfsRun.version(), history.get("version").asText());
  }

  @Test
  void hdfsInputsAreNamedByUriWithTheSameContentHashes() throws Exception {
    JsonNode hdfs = runJson(hdfsRun);
    JsonNode local = runJson(fileRun);
    assertEquals(hdfsInput.uri(), hdfs.get("input_dir").asText());
    Map<String, String> byName = new TreeMap<>();
    for (JsonNode in : local.get("inputs")) {
      String p = in.get("path").asText();
      byName.put(p.substring(p.lastIndexOf('/') + 1), in.get("sha256").asText());
    }
    Map<String, String> hdfsByName = new TreeMap<>();
    for (JsonNode in : hdfs.get("inputs")) {
      String p = in.get("path").asText();
      assertTrue(p.startsWith(hdfsInput.uri() + "/"), p);
      hdfsByName.put(p.substring(p.lastIndexOf('/') + 1), in.get("sha256").asText());
    }
    assertEquals(byName, hdfsByName, "every source file was read, with the same bytes");
    assertEquals(7, hdfsByName.size(), "GLOTIP xlsx and csv, World Bank GDP and population, ILO table (xlsx) and bulk, UCDP: " + hdfsByName);
    assertEquals(local.get("outputs"), hdfs.get("outputs"));
  }

  @Test
  void hdfsMartsEqualTheLocalRunsMarts() {
    for (String mart : MARTS) {
      Dataset<Row> a = TestSupport.spark().read().parquet(fileRun.published().resolve(mart).uri());
      Dataset<Row> b = TestSupport.spark().read().parquet(hdfsRun.published().resolve(mart).uri());
      if (mart.equals("quarantine")) { // its rows name their file: a local path on one side, a URI on the other
        a = a.drop("source_file");
        b = b.drop("source_file");
      }
      assertEquals(a.schema(), b.schema(), mart);
      assertEquals(0, a.exceptAll(b).count(), mart + ": rows only in the local run");
      assertEquals(0, b.exceptAll(a).count(), mart + ": rows only in the HDFS run");
    }
  }

  @Test
  void aSecondRunMeetsTheHdfsLockAndExitsThree() {
    try (MartsLock held = hdfsMarts.lock()) {
      CommandLine cl = TipTrendsCommand.commandLine();
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute("run", "--input", hdfsInput.uri(), "--marts", hdfsMarts.root().uri());
      assertEquals(TipTrendsCommand.EXIT_LOCKED, exit, err.toString());
      assertTrue(err.toString().contains("another run is publishing to " + hdfsMarts.root().uri()), err.toString());
      assertTrue(err.toString().contains("run " + held.runId()), err.toString());
    }
    assertEquals(hdfsRun.version(), hdfsMarts.current().orElseThrow(), "nothing changed");
  }
}
