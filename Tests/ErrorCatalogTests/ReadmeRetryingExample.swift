// The README's "Retrying" example, compiled (and exercised by ReadmeTestingExample.swift) as part of the
// tests. ReadmeSnippetTests checks that the README shows exactly the code between the markers.
// README-SNIPPET-BEGIN retrying
import ErrorCatalog
import ErrorCatalogFoundation
import Foundation
import Yeastar

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Where the PBX client gets its access token, and a new one when the PBX says it expired.
protocol AccessTokens: Sendable {
  func current() async throws -> String
  func refresh() async throws
}

struct PBXClient {
  var session: URLSession
  var baseURL: URL
  var tokens: any AccessTokens
  // Listing extensions changes nothing on the PBX, so it is idempotent: a server error may be resent.
  var policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(250), maxDelay: .seconds(20), isIdempotent: true)
  var clock: any Clock<Duration> = ContinuousClock()

  /// Lists the PBX's extensions: overload and server errors are resent with backoff (never sooner than
  /// `Retry-After`), an expired token is renewed once, anything else comes back as a `Yeastar.Error`.
  func listExtensions() async throws -> ProviderSuccess {
    let outcome = try await policy.run(
      clock: clock,
      reauthenticate: { try await tokens.refresh() },
      operation: {
        let token = try await tokens.current()
        let url = baseURL.appending(path: "extension/list")
          .appending(queryItems: [URLQueryItem(name: "access_token", value: token)])
        let (data, response) = try await session.data(from: url)
        return Yeastar.classify(response, data: data)
      })
    return try outcome.get()  // the success, or throws the last Yeastar.Error
  }
}
// README-SNIPPET-END
