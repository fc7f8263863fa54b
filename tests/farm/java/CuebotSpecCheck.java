// Parses OpenCue job specs the way Cuebot's JobSpec.parse(String) does: a validating SAX parse
// (JDOM's SAXBuilder(true) over JAXP), the DOCTYPE's http://localhost:8080/spcue/dtd/cjsl-X.dtd
// redirected to a folder of DTDs (Cuebot redirects it to the DTDs its jar ships), and any
// validation error fatal (JDOM's default error handler throws on errors).
// Reference: AcademySoftwareFoundation/OpenCue cuebot/src/main/java/com/imageworks/spcue/service/
// JobSpec.java (parse, DTDRedirector) @ 1cea9a8d965ef75e8b5884cf4f67ec857f733183.
//
// Usage: java CuebotSpecCheck.java <dtd folder> <spec.xml>...   prints VALID/INVALID per spec,
// exits 1 when any is invalid.
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

public class CuebotSpecCheck {
    static final String SPCUE_DTD_URL = "http://localhost:8080/spcue/dtd/";

    public static void main(String[] args) throws Exception {
        Path dtds = Paths.get(args[0]);
        int invalid = 0;
        for (int i = 1; i < args.length; i++) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setValidating(true);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setEntityResolver((publicId, systemId) -> {
                if (systemId == null || !systemId.startsWith(SPCUE_DTD_URL)) {
                    return null;
                }
                Path dtd = dtds.resolve(systemId.substring(SPCUE_DTD_URL.length()));
                if (!Files.isRegularFile(dtd)) {
                    throw new SAXException("this Cuebot ships no " + dtd.getFileName());
                }
                return new InputSource(dtd.toUri().toString());
            });
            reader.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            String spec = Files.readString(Paths.get(args[i]));
            try {
                reader.parse(new InputSource(new StringReader(spec)));
                System.out.println("VALID " + args[i]);
            } catch (SAXException e) {
                System.out.println("INVALID " + args[i] + ": " + e.getMessage());
                invalid++;
            }
        }
        System.exit(invalid == 0 ? 0 : 1);
    }
}
