import Dialog360
import ErrorCatalog
import ErrorCatalogFoundation
import ErrorCatalogTesting
import Foundation
import GENIQ
import Testing
import Wolkvox

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("ErrorCatalogTesting: catalog samples")
struct CatalogSamplesTests {
  @Test("Every catalog sample classifies back to its own entry through the one classify call")
  func everySampleClassifiesToItsEntry() {
    #expect(CatalogSamples.allEntries.count > 300)
    for entry in CatalogSamples.allEntries {
      let results = CatalogSamples.classify(entry)
      // A report's status decides: GENIQ's reason 0 sample succeeds through the `delivered` status entry.
      let successfulReport = entry.outcome == .success && entry.sample.kind == .report
      #expect(
        results.contains { $0.entry == entry } || successfulReport,
        "\(entry) came back as \(results.map { $0.entry?.name ?? "?" })")
      #expect(results.contains { $0.outcome == entry.outcome }, "\(entry)")
    }
  }

  @Test("GENIQ's four tables each go through their own call")
  func geniqTables() {
    let byTable = Dictionary(grouping: GENIQ.Code.allCases, by: { $0.entry.table })
    #expect(Set(byTable.keys) == ["response", "reason", "status", "template"])
    for code in GENIQ.Code.allCases where code.entry.outcome == .failure {
      #expect(CatalogSamples.classify(code).first?.error?.entry == code.entry, "\(code)")
    }
  }

  @Test("Every synchronous sample, as URLSession returns it, classifies to its entry from the provider module")
  func urlResponsesClassify() throws {
    for code in Wolkvox.Code.allCases {
      let (data, response) = CatalogSamples.response(for: code)
      #expect(response.statusCode == code.sample.status)
      #expect(response.value(forHTTPHeaderField: "Content-Type") == "application/json")
      let classification = Wolkvox.classify(response, data: data)
      #expect(classification.outcome == code.entry.outcome, "\(code)")
      if case .success(let success) = classification {
        #expect(success.entry == code.entry)  // NO DATA FOUND is an empty result, not a failure
      } else {
        #expect(classification.error?.code == code)
      }
    }
  }

  @Test("Samples carry only the headers their provider sends: no invented Retry-After")
  func samplesCarryNoInventedHeaders() throws {
    for entry in CatalogSamples.allEntries {
      var headers = CatalogSamples.headers(for: entry)
      headers["Content-Type"] = nil
      #expect(headers == entry.sample.headers.filter { $0.key.lowercased() != "content-type" }, "\(entry)")
    }
    // 360dialog states its rate limit's period in the body, never in Retry-After: a test built on the
    // sample sees the wait the real answer gives.
    let error = try #require(CatalogSamples.classify(Dialog360.Code.api(.rateLimitExceeded)).first?.error)
    #expect(error.retryAfterSeconds == nil)
    #expect(error.wait?.source == .body)
    #expect(error.wait?.seconds == 5)
  }
}

@Suite("ErrorCatalogTesting: mock transport")
struct MockTransportTests {
  static let url = URL(string: "https://example.invalid/api/campaign/start")!

  @Test("A URLSession from the transport answers with the chosen samples in order, then repeats the last")
  func answersInOrder() async throws {
    let transport = MockTransport([
      .sample(Wolkvox.Code.tooManySimultaneousRequests),
      .sample(Wolkvox.Code.tokenLimitExceeded),
    ])
    let session = transport.makeSession()
    var codes: [Wolkvox.Code?] = []
    for _ in 0..<3 {
      let (data, response) = try await session.data(from: Self.url)
      codes.append(Wolkvox.classify(response, data: data).error?.code)
    }
    #expect(codes == [.tooManySimultaneousRequests, .tokenLimitExceeded, .tokenLimitExceeded])
    #expect(transport.requests.count == 3)
    #expect(transport.requests.first?.url == Self.url)
  }

  @Test("The wire shape arrives intact: status, headers and body")
  func wireShape() async throws {
    let transport = MockTransport([.sample(Wolkvox.Code.tooManySimultaneousRequests)])
    let (data, response) = try await transport.makeSession().data(from: Self.url)
    let http = try #require(response as? HTTPURLResponse)
    #expect(http.statusCode == 403)
    #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json")
    #expect(http.value(forHTTPHeaderField: "Retry-After") == nil)
    #expect(String(decoding: data, as: UTF8.self) == Wolkvox.Code.tooManySimultaneousRequests.sample.body)
    #expect(Wolkvox.classify(response, data: data).error?.code == .tooManySimultaneousRequests)
  }

  @Test("A transport can answer from the request, and sees its body")
  func answersFromTheRequest() async throws {
    let transport = MockTransport { request in
      request.httpBody == Data("stop".utf8)
        ? .sample(Wolkvox.Code.campaignAlreadyStopped) : .response(status: 200, body: #"{"code":200,"msg":"OK"}"#)
    }
    var request = URLRequest(url: Self.url)
    request.httpMethod = "POST"
    request.httpBody = Data("stop".utf8)
    let (data, response) = try await transport.makeSession().data(for: request)
    #expect(Wolkvox.classify(response, data: data).error?.code == .campaignAlreadyStopped)
    #expect(transport.requests.first?.httpMethod == "POST")
  }

  @Test("A transport failure is thrown as URLError")
  func transportFailure() async throws {
    let transport = MockTransport([.failure(.timedOut)])
    await #expect(throws: URLError.self) { _ = try await transport.makeSession().data(from: Self.url) }
  }

  @Test("Sessions and configurations keep answering after their transport is dropped")
  func outliveTheTransport() async throws {
    let session = MockTransport([.sample(Wolkvox.Code.tokenLimitExceeded)]).makeSession()
    let configuration = MockTransport([.sample(Wolkvox.Code.campaignNotFound)]).configuration
    for _ in 0..<2 {
      let (data, response) = try await session.data(from: Self.url)
      #expect(Wolkvox.classify(response, data: data).error?.code == .tokenLimitExceeded)
    }
    let (data, response) = try await URLSession(configuration: configuration).data(from: Self.url)
    #expect(Wolkvox.classify(response, data: data).error?.code == .campaignNotFound)
  }

  @Test("Transports dropped with their sessions leave the registry, and their protocol classes are reused")
  func droppedTransportsLeaveTheRegistry() async throws {
    let body = String(repeating: "x", count: 10_000)
    let classesBefore = MockTransportRegistry.classesMade
    var serials: Set<Int> = []
    for index in 0..<2_000 {
      let transport = MockTransport([.response(status: 200, body: body)])
      serials.insert(transport.state.serial)
      if index % 100 == 0 {
        let (data, _) = try await transport.makeSession().data(from: Self.url)
        #expect(data.count == 10_000)
      }
    }
    // None of these transports stays registered; what is left belongs to tests running alongside. A
    // session that sent a request is released by URLSession's own queue, shortly after the request ends.
    var left = serials.intersection(MockTransportRegistry.registeredSerials)
    let deadline = ContinuousClock.now + .seconds(10)
    while !left.isEmpty && ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(10))
      left = serials.intersection(MockTransportRegistry.registeredSerials)
    }
    #expect(left.isEmpty, "\(left.count) of the dropped transports are still registered")
    // The other tests make fewer than 200 transports in all, so these bounds hold whatever runs alongside,
    // and 2,000 transports without reuse would break both.
    #expect(MockTransportRegistry.count < 200)
    #expect(MockTransportRegistry.classesMade - classesBefore < 200)
  }

  @Test("Transports used at the same time each answer their own sessions", arguments: 0..<8)
  func parallelTransports(index: Int) async throws {
    let code = Wolkvox.Code.allCases[index]
    let transport = MockTransport([.sample(code)])
    let (data, response) = try await transport.makeSession().data(from: Self.url)
    #expect(Wolkvox.classify(response, data: data).entry == code.entry)
  }
}

@Suite("ErrorCatalogTesting: immediate clock")
struct ImmediateClockTests {
  @Test("Sleeps of any length saturate the clock at Int64.max seconds instead of overflowing it")
  func saturates() async throws {
    let clock = ImmediateClock()
    for _ in 0..<100 { try await clock.sleep(for: .seconds(Int64.max)) }
    #expect(clock.now.offset == .seconds(Int64.max))
    #expect(clock.sleeps.count == 100)
    #expect(clock.sleeps.first == .seconds(Int64.max))
    #expect(clock.sleeps.dropFirst().allSatisfy { $0 == .zero })
    try await clock.sleep(until: ImmediateClock.Instant(offset: .seconds(1e20)), tolerance: nil)
    #expect(clock.now.offset == .seconds(Int64.max))
  }

  @Test("Instants far apart advance and measure without overflowing")
  func instantArithmetic() {
    let start = ImmediateClock.Instant(offset: .seconds(-1e20))
    let end = ImmediateClock.Instant(offset: .seconds(1e20))
    #expect(start.duration(to: end) == .seconds(Int64.max))
    #expect(end.duration(to: start) == .zero - .seconds(Int64.max))
    #expect(end.advanced(by: .seconds(1e20)).offset == .seconds(Int64.max))
    #expect(start.advanced(by: .seconds(-1e20)).offset == .zero - .seconds(Int64.max))
    #expect(ImmediateClock.Instant(offset: .seconds(2)).advanced(by: .seconds(-3)).offset == .seconds(-1))
  }
}

extension Classification {
  /// The catalog entry of an error or of a success.
  var entry: CatalogEntry? {
    if case .success(let success) = self { return success.entry }
    return error?.entry
  }
}
