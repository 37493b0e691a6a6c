#if canImport(FoundationNetworking)
  import Foundation
  public import FoundationNetworking
#else
  public import Foundation
#endif

/// A stand-in for a provider's server: `URLSession`s made from it answer every request with the catalog
/// samples (or other answers) you choose, without touching the network.
///
/// It works through `URLProtocol`, so the code under test keeps using `URLSession` as it does in production;
/// only the session is swapped:
///
/// ```swift
/// let transport = MockTransport([
///   .sample(Wolkvox.Code.tooManySimultaneousRequests),
///   .response(status: 200, body: #"{"code":200,"msg":"OK"}"#),
/// ])
/// let client = CampaignClient(session: transport.makeSession())
/// ```
///
/// Several transports can be used at once (tests run in parallel): each session is answered by the
/// transport whose ``configuration`` made it, whatever URL it asks for. Its sessions keep being answered
/// after the transport itself is gone (`MockTransport([...]).makeSession()` works): a transport's answers
/// and requests live as long as the transport or any configuration or session made from it, and are
/// freed with the last of them, so a test process may make any number of transports.
public final class MockTransport: Sendable {
  package let state: MockTransportState

  /// Answers requests in order with `answers`; once they are used up, the last one answers every further
  /// request. An empty list fails every request with `URLError.Code.cannotConnectToHost`.
  public convenience init(_ answers: [Answer]) {
    let queue = AnswerQueue(answers)
    self.init { _ in queue.next() }
  }

  /// Answers each request with what `answer` returns for it.
  public init(_ answer: @escaping @Sendable (URLRequest) -> Answer) {
    state = MockTransportRegistry.register(answer)
  }

  /// Answers each request with what `answer` returns for it and its index: 0 for the first request this
  /// transport answers, 1 for the next, and so on (a new token per renewal, a failure every third call).
  public convenience init(_ answer: @escaping @Sendable (_ request: URLRequest, _ index: Int) -> Answer) {
    let counter = RequestCounter()
    self.init { request in answer(request, counter.next()) }
  }

  /// Answers requests with `answers` in order, starting over after the last, for as long as it is asked
  /// (an empty list fails every request with `URLError.Code.cannotConnectToHost`).
  public convenience init(repeating answers: [Answer]) {
    let counter = RequestCounter()
    self.init { _ in answers.isEmpty ? .failure(.cannotConnectToHost) : answers[counter.next() % answers.count] }
  }

  /// A configuration whose sessions this transport answers: ephemeral (no cache, no cookies), with the
  /// transport's `URLProtocol` first. Use it when the code under test makes its own session.
  ///
  /// Its `urlCache` (which stores nothing) keeps the transport's answers alive for the sessions made from
  /// it. Code that sets a cache of its own on the configuration must keep the transport alive while it
  /// sends.
  public var configuration: URLSessionConfiguration {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.protocolClasses = [state.protocolClass]
    configuration.urlCache = MockTransportCache(keeping: state)
    return configuration
  }

  /// A new session this transport answers.
  public func makeSession() -> URLSession {
    URLSession(configuration: configuration)
  }

  /// The requests answered so far, in order. A request's body is in `httpBody` here, even when the session
  /// sent it as a stream.
  public var requests: [URLRequest] { state.requests }
}

/// How many requests a transport has answered, handed out one number per request.
private final class RequestCounter: Sendable {
  private let lock = NSLock()
  nonisolated(unsafe) private var count = 0

  func next() -> Int {
    lock.withLock {
      defer { count += 1 }
      return count
    }
  }
}

/// The answers a ``MockTransport`` has left, shared by the requests it answers.
private final class AnswerQueue: Sendable {
  private let lock = NSLock()
  nonisolated(unsafe) private var answers: [MockTransport.Answer]

  init(_ answers: [MockTransport.Answer]) {
    self.answers = answers
  }

  func next() -> MockTransport.Answer {
    lock.withLock {
      guard let first = answers.first else { return .failure(.cannotConnectToHost) }
      if answers.count > 1 { answers.removeFirst() }
      return first
    }
  }
}

/// What a transport answers with, and what it was asked. Owned by the transport and by the configurations
/// made from it; the registry only points to it, and forgets it when it goes.
package final class MockTransportState: Sendable {
  let answer: @Sendable (URLRequest) -> MockTransport.Answer
  /// The transport's number in the registry, which also names its protocol class.
  let number: Int
  /// A number never given to another transport of this process, to tell transports apart in tests.
  package let serial: Int
  let protocolClass: URLProtocol.Type
  private let lock = NSLock()
  nonisolated(unsafe) private var received: [URLRequest] = []

  init(
    answer: @escaping @Sendable (URLRequest) -> MockTransport.Answer, number: Int, serial: Int,
    protocolClass: URLProtocol.Type
  ) {
    self.answer = answer
    self.number = number
    self.serial = serial
    self.protocolClass = protocolClass
  }

  deinit {
    MockTransportRegistry.forget(protocolClass, number: number)
  }

  var requests: [URLRequest] { lock.withLock { received } }

  func record(_ request: URLRequest) {
    lock.withLock { received.append(request) }
  }
}

/// The cache of a transport's configuration: it stores nothing (the transport's answers are never cached
/// anyway) and keeps the transport's state alive as long as the configuration, and the sessions made from
/// it, which hold the configuration.
final class MockTransportCache: URLCache, @unchecked Sendable {
  // Immutable after init, and Sendable itself.
  private let state: MockTransportState

  init(keeping state: MockTransportState) {
    self.state = state
    super.init(memoryCapacity: 0, diskCapacity: 0, diskPath: nil)
  }
}
