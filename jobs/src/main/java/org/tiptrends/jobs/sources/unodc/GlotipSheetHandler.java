package org.tiptrends.jobs.sources.unodc;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A SAX handler for one worksheet that yields each cell's text exactly as POI's
 * {@code XSSFSheetXMLHandler} with a {@code DataFormatter(Locale.ROOT)} does (the reader used
 * before; {@code GlotipXlsxReaderEquivalenceTest} compares the two), without its per-cell costs:
 * each shared string is decoded once per index and kept, each number is formatted once per
 * distinct (style, raw text) and kept, cell references are decoded without a {@code CellReference}
 * per cell. A GLOTIP export is ~600,000 cells over a few thousand distinct strings and a few dozen
 * distinct numbers (years).
 */
final class GlotipSheetHandler extends DefaultHandler {
  /** What the handler reports: rows and their cells' text, by 0-based column (-1: no reference). */
  interface Rows {
    void startRow(int rowNum);

    void cell(int col, String value);

    void endRow(int rowNum);
  }

  private enum Type { BOOLEAN, ERROR, FORMULA, INLINE_STRING, SST_STRING, NUMBER }

  static final String NS = XSSFRelation.NS_SPREADSHEETML;

  private final StylesTable styles;
  private final ReadOnlySharedStringsTable strings;
  private final Rows out;
  private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
  private final String[] decoded;
  /** Formatted numbers: key = style index (or -1 for none) and the raw text. */
  private final Map<NumberKey, String> numbers = new HashMap<>();

  private final StringBuilder value = new StringBuilder(64);
  private boolean vIsOpen;
  private boolean isIsOpen;
  private Type type;
  private int styleIndex;
  private int col;
  private int rowNum;
  private int nextRowNum;

  private record NumberKey(int style, String raw) {}

  GlotipSheetHandler(StylesTable styles, ReadOnlySharedStringsTable strings, Rows out) {
    this.styles = styles;
    this.strings = strings;
    this.out = out;
    this.decoded = new String[Math.max(0, strings.getCount())];
  }

  private boolean isTextTag(String name) {
    return "v".equals(name) || "inlineStr".equals(name) || ("t".equals(name) && isIsOpen);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    if (uri != null && !uri.equals(NS)) {
      return;
    }
    start(localName, attributes.getValue("r"), attributes.getValue("t"), attributes.getValue("s"));
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if (uri != null && !uri.equals(NS)) {
      return;
    }
    end(localName);
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (vIsOpen) {
      value.append(ch, start, length);
    }
  }

  /** Whether text now goes into the current cell's value (a v, or a t inside is). */
  boolean capturing() {
    return vIsOpen;
  }

  void text(CharSequence chars) {
    if (vIsOpen) {
      value.append(chars);
    }
  }

  /** A start tag of the spreadsheet namespace, with its r, t and s attributes (null where absent). */
  void start(String localName, String r, String t, String s) {
    if (isTextTag(localName)) {
      vIsOpen = true;
      if (!isIsOpen) {
        value.setLength(0);
      }
    } else if ("is".equals(localName)) {
      isIsOpen = true;
    } else if ("row".equals(localName)) {
      rowNum = r != null ? Integer.parseInt(r) - 1 : nextRowNum;
      out.startRow(rowNum);
    } else if ("c".equals(localName)) {
      col = column(r);
      styleIndex = -1;
      if ("b".equals(t)) {
        type = Type.BOOLEAN;
      } else if ("e".equals(t)) {
        type = Type.ERROR;
      } else if ("inlineStr".equals(t)) {
        type = Type.INLINE_STRING;
      } else if ("s".equals(t)) {
        type = Type.SST_STRING;
      } else if ("str".equals(t)) {
        type = Type.FORMULA;
      } else {
        type = Type.NUMBER;
        if (styles != null) {
          if (s != null) {
            styleIndex = Integer.parseInt(s);
          } else if (styles.getNumCellStyles() > 0) {
            styleIndex = 0;
          }
        }
      }
    }
  }

  /** An end tag of the spreadsheet namespace. */
  void end(String localName) {
    if (isTextTag(localName)) {
      vIsOpen = false;
      if (!isIsOpen) {
        outputCell();
        value.setLength(0);
      }
    } else if ("is".equals(localName)) {
      isIsOpen = false;
      outputCell();
      value.setLength(0);
    } else if ("row".equals(localName)) {
      out.endRow(rowNum);
      nextRowNum = rowNum + 1;
    }
  }

  private void outputCell() {
    String text;
    switch (type) {
      case BOOLEAN -> text = value.length() > 0 && value.charAt(0) == '0' ? "FALSE" : "TRUE";
      case ERROR -> text = "ERROR:" + value;
      case FORMULA -> text = value.toString(); // the cached result, as XSSFSheetXMLHandler gives it
      case INLINE_STRING -> text = new XSSFRichTextString(value.toString()).toString();
      case SST_STRING -> text = shared(value.toString());
      default -> text = number(value.toString());
    }
    out.cell(col, text);
  }

  private String shared(String index) {
    try {
      int idx = Integer.parseInt(index);
      if (idx >= 0 && idx < decoded.length) {
        String s = decoded[idx];
        if (s == null) {
          s = strings.getItemAt(idx).toString();
          decoded[idx] = s;
        }
        return s;
      }
      return strings.getItemAt(idx).toString();
    } catch (NumberFormatException e) {
      return null; // as XSSFSheetXMLHandler (it logs and gives no text)
    }
  }

  private String number(String raw) {
    if (raw.isEmpty()) {
      return raw;
    }
    NumberKey key = new NumberKey(styleIndex, raw);
    String cached = numbers.get(key);
    if (cached == null) {
      cached = formatNumber(raw);
      numbers.put(key, cached);
    }
    return cached;
  }

  private String formatNumber(String raw) {
    if (styleIndex < 0) {
      return raw;
    }
    XSSFCellStyle style = styles.getStyleAt(styleIndex);
    if (style == null) {
      return raw;
    }
    short formatIndex = style.getDataFormat();
    String formatString = style.getDataFormatString();
    if (formatString == null) {
      formatString = BuiltinFormats.getBuiltinFormat(formatIndex);
    }
    if (formatString == null) {
      return raw;
    }
    return formatter.formatRawCellContents(Double.parseDouble(raw), formatIndex, formatString);
  }

  /** The 0-based column of a cell reference such as {@code AB12}; -1 without one. */
  static int column(String ref) {
    if (ref == null) {
      return -1;
    }
    int c = 0;
    int i = 0;
    int n = ref.length();
    while (i < n) {
      char ch = ref.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        c = c * 26 + (ch - 'A' + 1);
      } else if (ch >= '0' && ch <= '9' && i > 0) {
        break;
      } else {
        return new CellReference(ref).getCol(); // anything unusual ($, lower case): POI decides
      }
      i++;
    }
    return i == 0 ? new CellReference(ref).getCol() : c - 1;
  }
}
