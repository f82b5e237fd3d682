package org.tiptrends.api.charts.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Turns the SVG that ECharts drew into a PNG with Batik. Batik ignores two text attributes ECharts
 * relies on, so the document is adjusted first: {@code dominant-baseline} becomes the equivalent
 * {@code dy} shift, and text drawn with {@code paint-order="stroke"} (a halo behind the letters)
 * becomes two texts, the outline first.
 */
public final class PngRenderer {
  /** Where Batik would put the baseline for each {@code dominant-baseline} ECharts writes. */
  private static final Map<String, String> BASELINE_SHIFT = Map.of(
      "central", "0.35em",
      "middle", "0.35em",
      "hanging", "0.8em",
      "text-before-edge", "0.8em",
      "text-after-edge", "-0.2em",
      "ideographic", "-0.2em");

  /**
   * @param scale pixels per SVG unit (2 gives a print-quality image of a screen-sized chart)
   */
  public byte[] png(String svg, double scale) {
    Document doc = parse(svg);
    adjustText(doc);
    Element root = doc.getDocumentElement();
    float width = Float.parseFloat(root.getAttribute("width"));
    float height = Float.parseFloat(root.getAttribute("height"));
    PNGTranscoder transcoder = new PNGTranscoder();
    transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) (width * scale));
    transcoder.addTranscodingHint(PNGTranscoder.KEY_HEIGHT, (float) (height * scale));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      transcoder.transcode(new TranscoderInput(doc), new TranscoderOutput(out));
    } catch (TranscoderException e) {
      throw new SvgRenderer.RenderException("the chart's SVG could not be drawn as PNG: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static Document parse(String svg) {
    SAXSVGDocumentFactory factory = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName());
    try {
      return factory.createDocument("file:///chart.svg", new StringReader(svg));
    } catch (IOException e) {
      throw new UncheckedIOException("the chart's SVG does not parse", e);
    }
  }

  static void adjustText(Document doc) {
    NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<Element> all = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      all.add((Element) texts.item(i));
    }
    for (Element text : all) {
      String baseline = text.getAttribute("dominant-baseline");
      if (BASELINE_SHIFT.containsKey(baseline)) {
        text.removeAttribute("dominant-baseline");
        text.setAttribute("dy", BASELINE_SHIFT.get(baseline));
      }
      if ("stroke".equals(text.getAttribute("paint-order")) && text.hasAttribute("stroke")) {
        text.removeAttribute("paint-order");
        Element outline = (Element) text.cloneNode(true);
        outline.setAttribute("fill", "none");
        text.getParentNode().insertBefore(outline, text);
        text.removeAttribute("stroke");
        text.removeAttribute("stroke-width");
      }
    }
  }
}
