// Stands in for `sparkxml` (parseXml) and `xml2json` (toJson), the XML parsers of the Open311 client
// `open311@0.0.12`, through npm `overrides` in the root package.json. The real ones cannot be installed
// here: sparkxml comes only from a git URL (only the npm registry is reachable) and xml2json@0.2 needs the
// native node-expat (install scripts are blocked; it does not build for Node 24). The client uses them only
// for `format: 'xml'`; the test (src/modules/open311/open311-client.db.test.ts) uses `format: 'json'`, where
// the client parses JSON itself. Calling one of these means a test went through XML: it must fail loudly.
'use strict';

function unavailable(name) {
  return () => {
    throw new Error(
      `XML parsing is not available in this test: the client's XML parsers are not installable (${name}; see test/stubs/open311-xml-unavailable/index.js and src/modules/open311/README.md)`,
    );
  };
}

module.exports = {
  parseXml: unavailable('sparkxml.parseXml'),
  toJson: unavailable('xml2json.toJson'),
};
