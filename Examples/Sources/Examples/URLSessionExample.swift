// The README's URLSession snippet; the root package's ReadmeSnippetTests checks that the README shows
// exactly the code between the markers.
// README-SNIPPET-BEGIN urlsession
import ErrorCatalog
import ErrorCatalogFoundation
import Foundation
import Wolkvox

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

func send(_ request: URLRequest, session: URLSession) async throws -> Classification<Wolkvox.Error> {
  let (data, response) = try await session.data(for: request)
  return Wolkvox.classify(response, data: data)
}
// README-SNIPPET-END
