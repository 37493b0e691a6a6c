// README-SNIPPET-BEGIN testing
import ErrorCatalog
import ErrorCatalogTesting
// The README's "Testing your integration" example: real tests, run with the others. ReadmeSnippetTests
// checks that the README shows exactly the code between the markers.
import Foundation
import Testing
import Yeastar

actor CountingTokens: AccessTokens {
  private(set) var refreshes = 0
  func current() -> String { "token-\(refreshes)" }
  func refresh() { refreshes += 1 }
}

@Suite("PBX client error paths")
struct PBXClientTests {
  let baseURL = URL(string: "https://pbx.example.com/openapi/v1.0/")!

  @Test("An expired token is renewed once, then the call succeeds")
  func renewsAnExpiredToken() async throws {
    let transport = MockTransport([
      .sample(Yeastar.Code.tokenExpired),
      .response(status: 200, body: #"{"errcode":0,"errmsg":"SUCCESS"}"#),
    ])
    let tokens = CountingTokens()
    let client = PBXClient(session: transport.makeSession(), baseURL: baseURL, tokens: tokens)
    _ = try await client.listExtensions()
    #expect(await tokens.refreshes == 1)
    #expect(transport.requests.last?.url?.query == "access_token=token-1")
  }

  @Test("Every documented error ends the call with that error", arguments: Yeastar.Code.allCases)
  func everyErrorSurfaces(code: Yeastar.Code) async throws {
    guard code.entry.outcome == .failure else { return }  // success, partial and pending are not errors
    let clock = ImmediateClock()  // backoff sleeps return at once, and are recorded
    let client = PBXClient(
      session: MockTransport([.sample(code)]).makeSession(), baseURL: baseURL, tokens: CountingTokens(),
      clock: clock)
    await #expect(throws: Yeastar.Error.self) { _ = try await client.listExtensions() }
    do {
      _ = try await client.listExtensions()
    } catch let error as Yeastar.Error {
      #expect(error.code == code)
      #expect(clock.sleeps.allSatisfy { $0 <= client.policy.maxDelay })
    }
  }
}
// README-SNIPPET-END
