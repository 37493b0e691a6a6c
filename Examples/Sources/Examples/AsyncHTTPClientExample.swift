// The README's AsyncHTTPClient snippet; the root package's ReadmeSnippetTests checks that the README shows
// exactly the code between the markers.
// README-SNIPPET-BEGIN async-http-client
import AsyncHTTPClient
import ErrorCatalog
import Wolkvox

func send(_ request: HTTPClientRequest, client: HTTPClient) async throws -> Classification<Wolkvox.Error> {
  let response = try await client.execute(request, timeout: .seconds(30))
  // Read at most what classification reads (1 MiB): collect(upTo:) throws for a longer body, which no
  // provider's error answer is.
  let body = try await response.body.collect(upTo: ResponseBody.storedLimit)
  return Wolkvox.classify(
    status: Int(response.status.code),
    headers: response.headers.map { ($0.name, $0.value) },  // repeated names kept, in order
    body: Array(body.readableBytesView))
}
// README-SNIPPET-END
