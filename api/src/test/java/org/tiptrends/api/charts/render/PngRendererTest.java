package org.tiptrends.api.charts.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The SVG adjustments Batik needs, on text as ECharts writes it. */
class PngRendererTest {
  static final String SVG_NS = "http://www.w3.org/2000/svg";

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  @Test
  void dominantBaselineBecomesTheShiftBatikUnderstands() throws Exception {
    Document doc = parse("<svg xmlns='" + SVG_NS + "'><text dominant-baseline='central' y='6'>2019</text>"
        + "<text dominant-baseline='hanging'>a</text><text dominant-baseline='alphabetic'>b</text></svg>");
    PngRenderer.adjustText(doc);
    NodeList texts = doc.getElementsByTagNameNS(SVG_NS, "text");
    Element central = (Element) texts.item(0);
    assertFalse(central.hasAttribute("dominant-baseline"));
    assertEquals("0.35em", central.getAttribute("dy"));
    assertEquals("6", central.getAttribute("y"));
    assertEquals("0.8em", ((Element) texts.item(1)).getAttribute("dy"));
    Element alphabetic = (Element) texts.item(2);
    assertEquals("alphabetic", alphabetic.getAttribute("dominant-baseline"), "the default baseline needs no shift");
    assertFalse(alphabetic.hasAttribute("dy"));
  }

  @Test
  void textWithAHaloBecomesTheOutlineThenTheLetters() throws Exception {
    Document doc = parse("<svg xmlns='" + SVG_NS + "'><text paint-order='stroke' stroke='#fff' stroke-width='2'"
        + " fill='#333'>Spain</text></svg>");
    PngRenderer.adjustText(doc);
    NodeList texts = doc.getElementsByTagNameNS(SVG_NS, "text");
    assertEquals(2, texts.getLength());
    Element outline = (Element) texts.item(0);
    Element letters = (Element) texts.item(1);
    assertEquals("none", outline.getAttribute("fill"));
    assertEquals("#fff", outline.getAttribute("stroke"));
    assertEquals("#333", letters.getAttribute("fill"));
    assertFalse(letters.hasAttribute("stroke"));
    assertEquals("Spain", outline.getTextContent());
    assertEquals("Spain", letters.getTextContent());
  }
}
