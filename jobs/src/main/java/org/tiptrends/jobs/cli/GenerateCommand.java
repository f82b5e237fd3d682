package org.tiptrends.jobs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.tiptrends.jobs.generate.GlotipGenerator;
import org.tiptrends.jobs.sources.GeneratedSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write deterministic data (same seed, same rows) in the layouts users download: "
        + "GLOTIP with the real export's kinds of mess, to OUT/unodc/<name>.csv or .xlsx, streaming "
        + "(1M-10M rows is fine); or the World Bank, ILOSTAT and UCDP layouts to OUT/worldbank/, OUT/ilo/, OUT/ucdp/.")
public final class GenerateCommand implements Callable<Integer>, TipTrendsCommand.Verbosity {
  @Option(names = "--rows", defaultValue = "10000",
      description = "Number of GLOTIP data rows (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--source", defaultValue = "unodc",
      description = "unodc (GLOTIP layout), worldbank (WDI GDP per capita CSV), ilo (ILOSTAT table xlsx and "
          + "bulk CSV) or ucdp (UCDP/PRIO Armed Conflict Dataset CSV) (default ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Input folder to write into.")
  Path out;

  @Option(names = "--format", defaultValue = "csv", description = "csv or xlsx (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--years", defaultValue = "2003-2021", description = "Year range (default ${DEFAULT-VALUE}).")
  String years;

  @Option(names = "--name", defaultValue = "glotip_generated", description = "File name without extension.")
  String name;

  @Option(names = "--malformed-share", defaultValue = "0.002",
      description = "Share of country-years given one malformed value, to exercise the quarantine "
          + "(default ${DEFAULT-VALUE}).")
  double malformedShare;

  @Option(names = "--verbose", description = "Stack traces on failure.")
  boolean verbose;

  @Override
  public boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() throws IOException {
    String[] range = years.split("-");
    if (range.length != 2) {
      throw new IllegalArgumentException("--years must look like 2003-2021");
    }
    int first = Integer.parseInt(range[0].strip());
    int last = Integer.parseInt(range[1].strip());
    if (source.equals("worldbank")) {
      System.out.println("wrote " + org.tiptrends.jobs.generate.WdiGenerator.write(out, seed, first, last));
      return 0;
    }
    if (source.equals("ilo")) {
      System.out.println("wrote " + org.tiptrends.jobs.generate.SectorAndConflictGenerator.writeIlo(out, seed));
      return 0;
    }
    if (source.equals("ucdp")) {
      System.out.println("wrote " + org.tiptrends.jobs.generate.SectorAndConflictGenerator.writeUcdp(out, seed,
          first, last));
      return 0;
    }
    if (!source.equals("unodc")) {
      throw new IllegalArgumentException("--source must be unodc, worldbank, ilo or ucdp, not " + source);
    }
    GlotipGenerator g = new GlotipGenerator(seed, first, last, malformedShare);
    Path dir = Files.createDirectories(out.resolve("unodc"));
    // two preamble rows, as UNODC's export has: who made the file (no publisher, no export date)
    List<List<String>> preamble = List.of(List.of(GeneratedSample.STATEMENT), List.of("in the layout of UNODC's "
        + "GLOTIP export: tip-trends generate --rows " + rows + " --seed " + seed + " --years " + years));
    Path file;
    switch (format) {
      case "csv" -> {
        file = dir.resolve(name + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
          for (List<String> line : preamble) {
            p.printRecord(line);
          }
          p.printRecord(GlotipGenerator.HEADER);
          g.generate(rows, line -> {
            try {
              p.printRecord(line);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
        }
      }
      case "xlsx" -> {
        file = dir.resolve(name + ".xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream os = Files.newOutputStream(file)) {
          Sheet sheet = wb.createSheet("data_glotip");
          int[] next = {0};
          Consumer writer = line -> {
            var r = sheet.createRow(next[0]++);
            for (int i = 0; i < line.size(); i++) {
              r.createCell(i).setCellValue(line.get(i));
            }
          };
          preamble.forEach(writer::accept);
          writer.accept(GlotipGenerator.HEADER);
          g.generate(rows, writer::accept);
          wb.write(os);
        }
      }
      default -> throw new IllegalArgumentException("--format must be csv or xlsx, not " + format);
    }
    System.out.println("wrote " + rows + " rows to " + file);
    return 0;
  }

  private interface Consumer extends java.util.function.Consumer<List<String>> {}
}
