// The README's swift-http-types snippet; the root package's ReadmeSnippetTests checks that the README shows
// exactly the code between the markers.
// README-SNIPPET-BEGIN http-types
import ErrorCatalog
import HTTPTypes
import WhatsApp

func classify(_ response: HTTPResponse, body: [UInt8]) -> Classification<WhatsApp.Error> {
  WhatsApp.classify(
    status: response.status.code,
    headers: response.headerFields.map { ($0.name.rawName, $0.value) },
    body: body)
}
// README-SNIPPET-END
