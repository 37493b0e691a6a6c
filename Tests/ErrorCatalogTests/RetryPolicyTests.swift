import ErrorCatalog
import ErrorCatalogTesting
import Foundation
import Testing
import Wolkvox
import Yeastar

/// A repeatable random source (SplitMix64), so jittered delays can be compared between runs.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Answers in order, counting the calls: what a retried operation returns.
final class Script<Failure: ProviderError>: @unchecked Sendable {
  private var answers: [Classification<Failure>]
  private(set) var calls = 0

  init(_ answers: [Classification<Failure>]) { self.answers = answers }

  func next() -> Classification<Failure> {
    calls += 1
    return answers.count > 1 ? answers.removeFirst() : answers[0]
  }
}

/// Classified errors whose retry value comes from the HTTP status alone, so the catalogs' audits cannot move
/// them.
enum Failures {
  static func unrecognized(status: Int, retryAfter: String? = nil) -> Wolkvox.Error {
    let headers = retryAfter.map { [("Retry-After", $0)] } ?? []
    guard let error = Wolkvox.classify(status: status, headers: headers, body: "<html></html>").error else {
      preconditionFailure("HTTP \(status) classified as success")
    }
    return error
  }

  /// The first synchronous catalog sample whose entry has this retry value, classified.
  static func recognized(retry: Retry) throws -> any ProviderError {
    let entry = try #require(
      CatalogSamples.allEntries.first { $0.retry == retry && $0.sample.kind == .response && $0.outcome == .failure })
    return try #require(CatalogSamples.classify(entry).first?.error)
  }
}

@Suite("Retry policy decisions")
struct RetryDecisionTests {
  static let exact = RetryPolicy(
    maxAttempts: 10, baseDelay: .seconds(1), maxDelay: .seconds(8), jitter: 0, isIdempotent: true)

  @Test("Backoff doubles from the base delay and stops growing at the cap")
  func backoffDoublesUpToTheCap() {
    let error = Failures.unrecognized(status: 503)
    let delays = (1...6).map { Self.exact.decision(for: error, attempt: $0) }
    #expect(delays == [1, 2, 4, 8, 8, 8].map { .retry(after: .seconds($0)) })
  }

  @Test("Retry-After is honoured: a retry is never sooner than the response asked", arguments: 0..<50)
  func retryAfterIsAFloor(seed: UInt64) {
    let policy = RetryPolicy(
      maxAttempts: 5, baseDelay: .seconds(1), maxDelay: .seconds(30), jitter: 1, isIdempotent: true)
    var generator = SeededGenerator(state: seed)
    let error = Failures.unrecognized(status: 429, retryAfter: "7")
    for attempt in 1...4 {
      guard case .retry(let delay) = policy.decision(for: error, attempt: attempt, using: &generator) else {
        Issue.record("attempt \(attempt) did not retry")
        return
      }
      #expect(delay >= .seconds(7))
      #expect(delay <= .seconds(30))
    }
  }

  @Test("A Retry-After date is honoured like a delay")
  func retryAfterDate() throws {
    // 2026-01-01 00:00:00 GMT is 1 767 225 600 seconds after 1970.
    let date = "Thu, 01 Jan 2026 00:01:40 GMT"
    let classified = Wolkvox.classify(
      status: 503, headers: ["Retry-After": date], body: ResponseBody("busy"),
      now: WallClockTime(sinceEpoch: .seconds(1_767_225_600)))
    let error = try #require(classified.error)
    #expect(error.retryAfterSeconds == 100)
    let patient = RetryPolicy(
      maxAttempts: 3, baseDelay: .seconds(1), maxDelay: .seconds(300), jitter: 0, isIdempotent: true)
    #expect(patient.decision(for: error, attempt: 1) == .retry(after: .seconds(100)))
  }

  @Test("A Retry-After longer than the cap is a wait to schedule: never a resend inside it, never a silent stop")
  func longRetryAfterIsScheduled() {
    let error = Failures.unrecognized(status: 503, retryAfter: "3600")
    #expect(Self.exact.decision(for: error, attempt: 1) == .waitForReset(after: .seconds(3600)))
  }

  @Test("Jitter only shortens the exponential delay, and a seeded source repeats it")
  func jitterIsBoundedAndRepeatable() {
    let policy = RetryPolicy(
      maxAttempts: 5, baseDelay: .seconds(2), maxDelay: .seconds(60), jitter: 0.5, isIdempotent: true)
    let error = Failures.unrecognized(status: 502)
    var first = SeededGenerator(state: 42)
    var second = SeededGenerator(state: 42)
    for attempt in 1...4 {
      let exponential = Duration.seconds(2 << (attempt - 1))
      let decision = policy.decision(for: error, attempt: attempt, using: &first)
      #expect(decision == policy.decision(for: error, attempt: attempt, using: &second))
      guard case .retry(let delay) = decision else {
        Issue.record("no retry")
        return
      }
      #expect(delay > exponential / 2 && delay <= exponential)
    }
  }

  @Test("The last attempt stops, whatever the error would allow")
  func attemptsRunOut() {
    let policy = RetryPolicy(maxAttempts: 3, isIdempotent: true)
    #expect(policy.decision(for: Failures.unrecognized(status: 503), attempt: 3) == .stop(.attemptsExhausted))
    #expect(policy.decision(for: Failures.unrecognized(status: 401), attempt: 3) == .stop(.attemptsExhausted))
    #expect(RetryPolicy.none.decision(for: Failures.unrecognized(status: 429), attempt: 1) == .stop(.attemptsExhausted))
  }

  @Test("Credentials errors ask for re-authentication")
  func reauthentication() throws {
    #expect(Self.exact.decision(for: Failures.unrecognized(status: 401), attempt: 1) == .reauthenticate)
    #expect(Self.exact.decision(for: try Failures.recognized(retry: .afterReauth), attempt: 1) == .reauthenticate)
  }

  @Test("A quota waits for its reset, for as long as Retry-After says when it says")
  func quotaWaitsForReset() throws {
    #expect(
      Self.exact.decision(for: try Failures.recognized(retry: .afterReset), attempt: 1) == .waitForReset(after: nil))
    let entry = try #require(CatalogSamples.allEntries.first { $0.retry == .afterReset && $0.sample.kind == .response })
    let error = try #require(
      Wolkvox.classify(status: entry.sample.status, headers: [("Retry-After", "120")], body: entry.sample.body).error)
    if error.retry == .afterReset {
      #expect(Self.exact.decision(for: error, attempt: 1) == .waitForReset(after: .seconds(120)))
    }
  }

  @Test(
    "Errors that resending cannot fix stop at once, even on the first attempt",
    arguments: [(Retry.afterFix, RetryDecision.StopReason.fixRequired), (.never, .never), (.notNeeded, .notNeeded)])
  func stops(retry: Retry, reason: RetryDecision.StopReason) throws {
    let error = try Failures.recognized(retry: retry)
    #expect(Self.exact.decision(for: error, attempt: 1) == .stop(reason))
    #expect(!Self.exact.decision(for: error, attempt: 1).resends)
  }
}

@Suite("Retrying an operation")
struct RetryRunTests {
  static let policy = RetryPolicy(
    maxAttempts: 4, baseDelay: .seconds(1), maxDelay: .seconds(10), jitter: 0, isIdempotent: true)

  @Test("Transient failures are resent after the backoff delays, on the given clock, until success")
  func retriesUntilSuccess() async throws {
    let clock = ImmediateClock()
    let success = Yeastar.classify(status: 200, body: #"{"errcode":0,"errmsg":"SUCCESS"}"#)
    let busy = Yeastar.classify(status: 503, headers: [("Retry-After", "3")], body: "")
    let script = Script([busy, .failure(try #require(Yeastar.classify(status: 500, body: "").error)), success])
    let outcome = try await Self.policy.run(clock: clock) { script.next() }
    #expect(outcome.outcome == .success)
    #expect(script.calls == 3)
    #expect(clock.sleeps == [.seconds(3), .seconds(2)])
  }

  @Test("Attempts run out: the last failure comes back after maxAttempts calls")
  func givesUpAfterMaxAttempts() async throws {
    let clock = ImmediateClock()
    let script = Script([Yeastar.classify(status: 502, body: "")])
    let outcome = try await Self.policy.run(clock: clock) { script.next() }
    #expect(outcome.error?.retry == .backoff)
    #expect(script.calls == 4)
    #expect(clock.sleeps == [.seconds(1), .seconds(2), .seconds(4)])
  }

  @Test("An expired token is renewed once through the hook, then the request is resent at once")
  func reauthenticatesOnce() async throws {
    let clock = ImmediateClock()
    let expired = Yeastar.classify(status: 401, body: "")
    let script = Script([expired, Yeastar.classify(status: 200, body: #"{"errcode":0,"errmsg":"SUCCESS"}"#)])
    var renewals = 0
    let outcome = try await Self.policy.run(
      clock: clock, reauthenticate: { renewals += 1 }, operation: { script.next() })
    #expect(outcome.outcome == .success)
    #expect(renewals == 1)
    #expect(clock.sleeps.isEmpty)
  }

  @Test("New credentials that are refused again are not renewed in a loop")
  func reauthenticationRefusedTwice() async throws {
    let script = Script([Yeastar.classify(status: 401, body: "")])
    var renewals = 0
    let outcome = try await Self.policy.run(
      clock: ImmediateClock(), reauthenticate: { renewals += 1 }, operation: { script.next() })
    #expect(outcome.error?.retry == .afterReauth)
    #expect(renewals == 1)
    #expect(script.calls == 2)
  }

  @Test("Without a re-authentication hook, a credentials error comes back at once")
  func noHook() async throws {
    let script = Script([Yeastar.classify(status: 401, body: "")])
    let outcome = try await Self.policy.run(clock: ImmediateClock()) { script.next() }
    #expect(outcome.error?.retry == .afterReauth)
    #expect(script.calls == 1)
  }

  @Test("A request that must be fixed is sent once")
  func fixIsNotRetried() async throws {
    let clock = ImmediateClock()
    let script = Script([Wolkvox.classify(status: 400, body: "{}")])
    let outcome = try await Self.policy.run(clock: clock) { script.next() }
    #expect(outcome.error?.retry == .afterFix)
    #expect(script.calls == 1)
    #expect(clock.sleeps.isEmpty)
  }

  @Test("A reset within the cap is waited for; an unknown one is left to the caller")
  func resets() async throws {
    let entry = try #require(
      CatalogSamples.allEntries.first { $0.provider == .wolkvox && $0.retry == .afterReset })
    let soon = Wolkvox.classify(status: entry.sample.status, headers: [("Retry-After", "5")], body: entry.sample.body)
    let later = Wolkvox.classify(status: entry.sample.status, body: entry.sample.body)
    let success = Wolkvox.classify(status: 200, body: #"{"code":200,"msg":"OK"}"#)

    let clock = ImmediateClock()
    let script = Script([soon, success])
    #expect(try await Self.policy.run(clock: clock) { script.next() }.outcome == .success)
    #expect(clock.sleeps == [.seconds(5)])

    let unknown = Script([later, success])
    #expect(try await Self.policy.run(clock: ImmediateClock()) { unknown.next() }.error?.retry == .afterReset)
    #expect(unknown.calls == 1)
  }

  @Test("Cancelling the task ends the wait with CancellationError")
  func cancellation() async throws {
    let script = Script([Yeastar.classify(status: 503, body: "")])
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await Self.policy.run(clock: ImmediateClock()) { script.next() }
    }
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(script.calls == 1)
  }
}

@Suite("Retry policy values out of range")
struct RetryPolicyRangeTests {
  static let delays: [Duration] = [
    .zero, .seconds(-1), .seconds(-1e20), .milliseconds(1), .seconds(0.25), .seconds(30), .seconds(1e20),
    .seconds(Int64.max), .seconds(Int64.min),
  ]
  static let attempts = [Int.min, -1, 0, 1, 2, 3, 1024, 1025, Int.max]
  static let jitters = [-1, 0, 0.5, 1, 2, Double.nan, .infinity, -.infinity]

  /// Errors whose waits span the range: none, 0, a Retry-After of Int32.max seconds.
  static let errors: [any ProviderError] = [
    Failures.unrecognized(status: 503), Failures.unrecognized(status: 503, retryAfter: "0"),
    Failures.unrecognized(status: 503, retryAfter: "2147483647"),
    Failures.unrecognized(status: 503, retryAfter: "99999999999999999999"),
    Failures.unrecognized(status: 429, retryAfter: "5"),
  ]

  @Test("A policy built through init and the same one set through its properties decide alike, and never trap")
  func initAndPropertiesAgree() {
    for base in Self.delays {
      for cap in Self.delays {
        for jitter in Self.jitters {
          let built = RetryPolicy(maxAttempts: 4, baseDelay: base, maxDelay: cap, jitter: jitter, isIdempotent: true)
          var set = RetryPolicy(isIdempotent: true)
          set.maxAttempts = 4
          set.baseDelay = base
          set.maxDelay = cap
          set.jitter = jitter
          #expect(built == set)
          for error in Self.errors {
            for attempt in Self.attempts {
              var first = SeededGenerator(state: 7)
              var second = SeededGenerator(state: 7)
              let decision = built.decision(for: error, attempt: attempt, using: &first)
              #expect(decision == set.decision(for: error, attempt: attempt, using: &second))
              switch decision {
              case .retry(let delay): #expect(delay >= .zero && delay <= RetryPolicy.longestDelay)
              case .waitForReset(let delay?): #expect(delay >= .zero && delay <= RetryPolicy.longestDelay)
              default: break
              }
            }
          }
        }
      }
    }
  }

  @Test("A negative cap set through the property behaves as the initialiser's: Retry-After 0 is resent at once")
  func negativeCapThroughProperty() {
    var policy = RetryPolicy(maxAttempts: 3, jitter: 0, isIdempotent: true)
    policy.maxDelay = .seconds(-5)
    policy.baseDelay = .seconds(-5)
    let error = Failures.unrecognized(status: 503, retryAfter: "0")
    #expect(policy.decision(for: error, attempt: 1) == .retry(after: .zero))
    #expect(policy.maxDelay == .zero)
    #expect(
      policy.decision(for: error, attempt: 1)
        == RetryPolicy(maxAttempts: 3, baseDelay: .seconds(-5), maxDelay: .seconds(-5), jitter: 0, isIdempotent: true)
        .decision(for: error, attempt: 1))
    policy.maxAttempts = .min
    #expect(policy.maxAttempts == 1)
    policy.jitter = .nan
    #expect(policy.jitter == 0)
  }

  @Test("The longest delays sleep on the immediate clock as often as asked without overflowing it")
  func immediateClockSaturates() async throws {
    let clock = ImmediateClock()
    for _ in 0..<100 { try await clock.sleep(for: .seconds(Int64.max)) }
    try await clock.sleep(for: RetryPolicy.longestDelay)
    #expect(clock.sleeps.count == 101)
    #expect(clock.now.offset == .seconds(Int64.max))
    let huge = RetryPolicy(maxAttempts: 50, baseDelay: .seconds(1e20), maxDelay: .seconds(1e20), isIdempotent: true)
    let script = Script([Yeastar.classify(status: 503, body: "")])
    let run = try await huge.attempt(clock: clock) { script.next() }
    #expect(run.attempts == 50)
    #expect(clock.sleeps.suffix(49).allSatisfy { $0 <= RetryPolicy.longestDelay })
  }

  @Test("A re-authentication that finishes after the task was cancelled starts no further attempt")
  func cancelledDuringReauthentication() async throws {
    let expired = Yeastar.classify(status: 200, body: #"{"errcode":10004,"errmsg":"TOKEN EXPIRED"}"#)
    let script = Script([expired, Yeastar.classify(status: 200, body: #"{"errcode":0,"errmsg":"SUCCESS"}"#)])
    let task = Task {
      try await RetryPolicy.standard.run(
        clock: ImmediateClock(),
        reauthenticate: { withUnsafeCurrentTask { $0?.cancel() } },
        operation: { script.next() })
    }
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(script.calls == 1)
  }
}

/// A classified error with any retry value and any `Retry-After`, even one no parser gives (negative,
/// `Int.max`): what a conformance of another module may hand a policy.
struct OddError: ProviderError {
  var base = Failures.unrecognized(status: 503)
  var retry: Retry
  var retryAfterSeconds: Int?

  var provider: ProviderID { base.provider }
  var entry: CatalogEntry? { base.entry }
  var isRecognized: Bool { base.isRecognized }
  var outcome: Outcome { base.outcome }
  var category: ErrorCategory { base.category }
  var fault: Fault { base.fault }
  var situation: Situation? { base.situation }
  var kind: ResponseKind { base.kind }
  var status: Int? { base.status }
  var rawCode: String? { base.rawCode }
  var rawMessage: String? { base.rawMessage }
  var parameters: [String: String] { base.parameters }
  var body: ResponseBody { base.body }
  var references: References { base.references }
  var description: String { base.description }
  func encode(to encoder: any Encoder) throws { try base.encode(to: encoder) }
}

@Suite("Retry policy limits")
struct RetryPolicyLimitTests {
  static let delays: [Duration] = [
    .seconds(Int64.min), .seconds(-1e20), .seconds(-1), .milliseconds(-0.5), .zero, .nanoseconds(1),
    .milliseconds(1.5), .seconds(0.25), .seconds(3), .seconds(Int32.max), .seconds(Int64(Int32.max) + 1),
    .seconds(1e20), .seconds(Int64.max),
  ]
  static let attempts = [Int.min, -1, 0, 1, 2, 3, 63, 64, 1025, Int.max]
  static let jitters = [-Double.infinity, -1, 0, 0.25, 1, 2, .infinity, .nan]
  static let errors: [any ProviderError] =
    [nil, Int.min, -5, 0, 2, Int(Int32.max), Int(Int32.max) + 1, Int.max].flatMap { seconds in
      [Retry.backoff, .afterReset, .afterReauth, .never].map { OddError(retry: $0, retryAfterSeconds: seconds) }
    } + [Failures.unrecognized(status: 429, retryAfter: "0"), Failures.unrecognized(status: 503, retryAfter: "1e3")]

  /// The same values set through the properties of a policy made with the defaults.
  static func viaProperties(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration, jitter: Double) -> RetryPolicy {
    var policy = RetryPolicy()
    policy.maxAttempts = maxAttempts
    policy.baseDelay = baseDelay
    policy.maxDelay = maxDelay
    policy.jitter = jitter
    return policy
  }

  @Test(
    "Odd values never trap, and a policy decides the same whether built through init or its properties",
    arguments: delays)
  func initAndPropertiesAgree(baseDelay: Duration) {
    for maxDelay in Self.delays {
      for jitter in Self.jitters {
        let built = RetryPolicy(maxAttempts: 4, baseDelay: baseDelay, maxDelay: maxDelay, jitter: jitter)
        let set = Self.viaProperties(maxAttempts: 4, baseDelay: baseDelay, maxDelay: maxDelay, jitter: jitter)
        #expect(built == set)
        #expect(.zero <= set.baseDelay && set.baseDelay <= .seconds(Int32.max))
        #expect(.zero <= set.maxDelay && set.maxDelay <= .seconds(Int32.max))
        #expect(set.jitter >= 0 && set.jitter <= 1)
        for attempt in Self.attempts {
          for (index, error) in Self.errors.enumerated() {
            var first = SeededGenerator(state: UInt64(index))
            var second = SeededGenerator(state: UInt64(index))
            let decision = built.decision(for: error, attempt: attempt, using: &first)
            #expect(decision == set.decision(for: error, attempt: attempt, using: &second))
            switch decision {
            case .retry(let delay):
              #expect(.zero <= delay && delay <= set.maxDelay, "\(decision)")
            case .waitForReset(let delay?):
              #expect(.zero <= delay && delay <= .seconds(Int32.max), "\(decision)")
            default:
              break
            }
          }
        }
      }
    }
  }

  @Test("A negative maxDelay set through the property is zero, as it is through init")
  func negativeCapThroughTheProperty() {
    let error = Failures.unrecognized(status: 429, retryAfter: "0")
    var policy = RetryPolicy(jitter: 0)
    policy.maxDelay = .seconds(-5)
    #expect(policy.maxDelay == .zero)
    #expect(policy.decision(for: error, attempt: 1) == .retry(after: .zero))
    #expect(RetryPolicy(maxDelay: .seconds(-5), jitter: 0).decision(for: error, attempt: 1) == .retry(after: .zero))
  }

  @Test("Attempts below 1 count as the first; maxAttempts below 1 counts as 1")
  func attemptsBelowOne() {
    let policy = RetryPolicy(
      maxAttempts: 3, baseDelay: .seconds(1), maxDelay: .seconds(60), jitter: 0, isIdempotent: true)
    let error = Failures.unrecognized(status: 503)
    for attempt in [Int.min, -1, 0] {
      #expect(policy.decision(for: error, attempt: attempt) == .retry(after: .seconds(1)))
    }
    var one = policy
    one.maxAttempts = .min
    #expect(one.maxAttempts == 1)
    #expect(one.decision(for: error, attempt: .min) == .stop(.attemptsExhausted))
  }

  @Test("Delays are capped at Int32.max seconds, the Retry-After cap, and Retry-After values are read within it")
  func delaysAreCapped() {
    let huge = RetryPolicy(
      maxAttempts: 3, baseDelay: .seconds(1e20), maxDelay: .seconds(Int64.max), jitter: 0, isIdempotent: true)
    let standard = RetryPolicy(isIdempotent: true)
    #expect(huge.baseDelay == .seconds(Int32.max))
    #expect(huge.maxDelay == .seconds(Int32.max))
    #expect(huge.decision(for: Failures.unrecognized(status: 503), attempt: 2) == .retry(after: .seconds(Int32.max)))
    let longest = OddError(retry: .backoff, retryAfterSeconds: .max)
    #expect(huge.decision(for: longest, attempt: 1) == .retry(after: .seconds(Int32.max)))
    // Longer than the cap: a wait to schedule, of at most Int32.max seconds.
    #expect(standard.decision(for: longest, attempt: 1) == .waitForReset(after: .seconds(Int32.max)))
    let reset = OddError(retry: .afterReset, retryAfterSeconds: .max)
    #expect(standard.decision(for: reset, attempt: 1) == .waitForReset(after: .seconds(Int32.max)))
    let past = OddError(retry: .afterReset, retryAfterSeconds: .min)
    #expect(standard.decision(for: past, attempt: 1) == .waitForReset(after: .zero))
  }

  @Test("The longest delays run on an immediate clock without overflowing it")
  func longestDelaysOnTheImmediateClock() async throws {
    let policy = RetryPolicy(
      maxAttempts: 40, baseDelay: .seconds(Int64.max), maxDelay: .seconds(1e20), jitter: 0, isIdempotent: true)
    let clock = ImmediateClock()
    let script = Script([Yeastar.classify(status: 503, body: "")])
    _ = try await policy.run(clock: clock) { script.next() }
    #expect(script.calls == 40)
    #expect(clock.sleeps == Array(repeating: .seconds(Int32.max), count: 39))
    #expect(clock.now.offset == .seconds(Int32.max) * 39)
  }

  @Test("The longest delay sleeps on the default clock without trapping, until the task is cancelled")
  func longestDelayOnTheContinuousClock() async throws {
    let policy = RetryPolicy(
      maxAttempts: 2, baseDelay: .seconds(Int64.max), maxDelay: .seconds(Int64.max), isIdempotent: true)
    let (called, signal) = AsyncStream.makeStream(of: Void.self)
    let task = Task {
      try await policy.run {
        signal.yield()
        return Yeastar.classify(status: 503, body: "")
      }
    }
    for await _ in called { break }
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
  }
}

@Suite("Retrying: cancellation during re-authentication")
struct RetryReauthenticationCancellationTests {
  static let policy = RetryPolicy(maxAttempts: 4, baseDelay: .seconds(1), maxDelay: .seconds(10), jitter: 0)

  @Test("A cancelled task starts no re-authentication")
  func cancelledBeforeTheHook() async throws {
    let script = Script([Yeastar.classify(status: 401, body: "")])
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await Self.policy.run(
        clock: ImmediateClock(), reauthenticate: { Issue.record("the hook ran in a cancelled task") },
        operation: { script.next() })
    }
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(script.calls == 1)
  }

  @Test("Cancelling the task while the hook waits ends the run with CancellationError, and nothing more is sent")
  func cancelledDuringTheHook() async throws {
    let script = Script([Yeastar.classify(status: 401, body: "")])
    let (started, signal) = AsyncStream.makeStream(of: Void.self)
    // Never yields: the hook waits until its task is cancelled (an AsyncStream ends its wait then).
    let (forever, foreverContinuation) = AsyncStream.makeStream(of: Int.self)
    defer { foreverContinuation.finish() }
    let task = Task {
      try await Self.policy.run(
        clock: ImmediateClock(),
        reauthenticate: {
          signal.yield()
          for await _ in forever {}
        },
        operation: { script.next() })
    }
    for await _ in started { break }
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(script.calls == 1)
  }
}
