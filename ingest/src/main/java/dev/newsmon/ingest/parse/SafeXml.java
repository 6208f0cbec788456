package dev.newsmon.ingest.parse;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

import java.io.IOException;
import java.io.StringReader;

/**
 * An XML reader that never processes a DTD: a DOCTYPE is an error, no external entity or DTD is loaded and no entity
 * is expanded. {@link Doctype} removes the declaration beforehand, so only a declaration it could not find (e.g. in
 * UTF-16) reaches this refusal.
 */
final class SafeXml {
    private SafeXml() {
    }

    static Document read(String xml) throws JDOMException, IOException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new IOException("external entity refused: " + systemId);
        });
        return builder.build(new StringReader(xml));
    }
}
