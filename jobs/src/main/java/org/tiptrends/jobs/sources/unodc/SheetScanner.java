package org.tiptrends.jobs.sources.unodc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A scanner for the worksheet XML that spreadsheet programs write (UTF-8, the spreadsheet
 * namespace as the default one, no DTD, no CDATA in the cells), feeding {@link GlotipSheetHandler}
 * the same events a SAX parser would, at several times the speed of the JDK's parser on a cold JVM.
 * Anything outside that subset (a namespace prefix or {@code xmlns} inside the sheet data, CDATA, a
 * DOCTYPE, an unknown entity, another encoding) stops it with {@link Unsupported} before a row is
 * reported, or after: the caller then reads the sheet again with the SAX parser from the start.
 */
final class SheetScanner {
  /** The sheet uses XML this scanner does not handle: read it with a full XML parser instead. */
  static final class Unsupported extends Exception {
    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int len;
  private final GlotipSheetHandler handler;
  private final StringBuilder name = new StringBuilder(16);
  private final ByteText text = new ByteText();
  private boolean inSheetData;

  SheetScanner(InputStream in, GlotipSheetHandler handler) {
    this.in = in;
    this.handler = handler;
  }

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++] & 0xff;
  }

  private int peek() throws IOException {
    int c = read();
    if (c >= 0) {
      pos--;
    }
    return c;
  }

  void scan() throws IOException, Unsupported {
    int c = read();
    if (c == 0xEF) { // a UTF-8 byte order mark
      if (read() != 0xBB || read() != 0xBF) {
        throw new Unsupported("not UTF-8");
      }
      c = read();
    }
    boolean rootSeen = false;
    while (c >= 0) {
      if (c != '<') {
        // character data: only what a cell's value takes matters
        if (handler.capturing()) {
          text.clear();
          while (c >= 0 && c != '<') {
            text.add(c);
            c = read();
          }
          handler.text(text.decode());
          continue;
        }
        c = read();
        continue;
      }
      c = read();
      if (c == '?') {
        StringBuilder pi = new StringBuilder();
        int prev = 0;
        while ((c = read()) >= 0 && !(prev == '?' && c == '>')) {
          pi.append((char) c);
          prev = c;
        }
        String decl = pi.toString();
        if (decl.startsWith("xml") && decl.contains("encoding") && !decl.matches("(?s).*encoding\\s*=\\s*[\"'](?i:utf-8)[\"'].*")) {
          throw new Unsupported("not UTF-8: " + decl);
        }
      } else if (c == '!') {
        if (read() != '-' || read() != '-') {
          throw new Unsupported("CDATA or DOCTYPE");
        }
        int a = 0;
        int b = 0;
        while ((c = read()) >= 0 && !(a == '-' && b == '-' && c == '>')) {
          a = b;
          b = c;
        }
      } else if (c == '/') {
        if (readName(read()) != '>') {
          skipTo('>');
        }
        String n = known();
        if (inSheetData) {
          if ("sheetData".equals(n)) {
            return; // nothing after the sheet data is read
          }
          handler.end(n);
        }
      } else {
        c = readName(c);
        String n = known();
        boolean prefixed = n.indexOf(':') >= 0;
        if (inSheetData && prefixed) {
          throw new Unsupported("a namespace prefix in the sheet data: " + n);
        }
        String r = null;
        String t = null;
        String s = null;
        boolean empty = false;
        while (true) {
          while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            c = read();
          }
          if (c == '>') {
            break;
          }
          if (c == '/') {
            if (read() != '>') {
              throw new Unsupported("a malformed tag");
            }
            empty = true;
            break;
          }
          if (c < 0) {
            throw new Unsupported("the sheet ends inside a tag");
          }
          c = readName(c);
          String attribute = known();
          while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            c = read();
          }
          if (c != '=') {
            throw new Unsupported("an attribute without a value");
          }
          c = read();
          while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            c = read();
          }
          if (c != '"' && c != '\'') {
            throw new Unsupported("an unquoted attribute");
          }
          int quote = c;
          text.clear();
          while ((c = read()) != quote) {
            if (c < 0 || c == '<') {
              throw new Unsupported("a malformed attribute");
            }
            text.add(c);
          }
          c = read();
          if (attribute.equals("xmlns")) {
            if (rootSeen || !text.decode().equals(GlotipSheetHandler.NS)) {
              throw new Unsupported("another default namespace");
            }
          } else if (attribute.startsWith("xmlns:") && inSheetData) {
            throw new Unsupported("a namespace declared in the sheet data");
          } else if (inSheetData && attribute.length() == 1) {
            switch (attribute.charAt(0)) {
              case 'r' -> r = text.ascii();
              case 't' -> t = text.ascii();
              case 's' -> s = text.ascii();
              default -> { }
            }
          }
        }
        if (!rootSeen) {
          rootSeen = true;
          if (prefixed) {
            throw new Unsupported("a prefixed root element");
          }
        }
        if (inSheetData) {
          handler.start(n, r, t, s);
          if (empty) {
            handler.end(n);
          }
        } else if ("sheetData".equals(n) && !prefixed) {
          if (empty) {
            return;
          }
          inSheetData = true;
        }
      }
      c = read();
    }
    // cut short: the XML parser says what is wrong
    throw new Unsupported("the sheet ends before its sheet data does");
  }

  private static final String[] KNOWN = {"c", "v", "r", "s", "t", "row", "is", "sheetData", "inlineStr", "xmlns"};

  /** The name just read: one of {@link #KNOWN} without a new string, or a new string. */
  private String known() {
    int n = name.length();
    for (String k : KNOWN) {
      if (k.length() == n) {
        boolean same = true;
        for (int i = 0; i < n && same; i++) {
          same = k.charAt(i) == name.charAt(i);
        }
        if (same) {
          return k;
        }
      }
    }
    return name.toString();
  }

  /** Reads an XML name starting with {@code c} into {@link #name}; returns the byte after it. */
  private int readName(int c) throws IOException, Unsupported {
    name.setLength(0);
    while (c >= 0 && c != ' ' && c != '>' && c != '/' && c != '=' && c != '\t' && c != '\n' && c != '\r') {
      if (c >= 0x80) {
        throw new Unsupported("a non-ASCII name");
      }
      name.append((char) c);
      c = read();
    }
    return c;
  }

  private void skipTo(int end) throws IOException {
    int c;
    while ((c = read()) >= 0 && c != end) {
      // skip
    }
  }

  /** Raw bytes of a text run or attribute value, decoded as UTF-8 with XML's entities and line ends. */
  private static final class ByteText {
    private byte[] bytes = new byte[256];
    private int n;
    private boolean plain = true;

    void clear() {
      n = 0;
      plain = true;
    }

    void add(int b) {
      if (n == bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, n * 2);
      }
      if (b == '&' || b == '\r' || b >= 0x80) {
        plain = false;
      }
      bytes[n++] = (byte) b;
    }

    String ascii() throws Unsupported {
      if (!plain) {
        return decode();
      }
      return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }

    String decode() throws Unsupported {
      if (plain) {
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      String raw = new String(bytes, 0, n, StandardCharsets.UTF_8);
      if (raw.indexOf('\uFFFD') >= 0) {
        throw new Unsupported("bytes that are not UTF-8");
      }
      StringBuilder sb = new StringBuilder(raw.length());
      for (int i = 0; i < raw.length(); i++) {
        char ch = raw.charAt(i);
        if (ch == '\r') {
          sb.append('\n');
          if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
            i++;
          }
        } else if (ch == '&') {
          int semi = raw.indexOf(';', i);
          if (semi < 0) {
            throw new Unsupported("a malformed entity");
          }
          String e = raw.substring(i + 1, semi);
          switch (e) {
            case "amp" -> sb.append('&');
            case "lt" -> sb.append('<');
            case "gt" -> sb.append('>');
            case "quot" -> sb.append('"');
            case "apos" -> sb.append('\'');
            default -> {
              try {
                int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                    : e.startsWith("#") ? Integer.parseInt(e.substring(1)) : -1;
                if (cp < 0 || !Character.isValidCodePoint(cp)) {
                  throw new Unsupported("an unknown entity &" + e + ";");
                }
                sb.appendCodePoint(cp);
              } catch (NumberFormatException x) {
                throw new Unsupported("a malformed entity &" + e + ";");
              }
            }
          }
          i = semi;
        } else {
          sb.append(ch);
        }
      }
      return sb.toString();
    }
  }
}
