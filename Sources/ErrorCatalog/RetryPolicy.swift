/// How many times, and how far apart, to resend a request that failed: exponential backoff with a cap and
/// jitter, read together with each error's ``Retry`` value.
///
/// A policy is a plain value; it decides, it does not sleep. Ask it what to do about an error with
/// ``decision(for:attempt:)``, or let ``run(clock:using:reauthenticate:operation:)`` resend for you.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(250), maxDelay: .seconds(20))
/// switch policy.decision(for: error, attempt: 1) {
/// case .retry(let delay): try await Task.sleep(for: delay)  // then resend
/// case .waitForReset(let delay): schedule(after: delay)
/// case .reauthenticate: try await refreshToken()  // then resend
/// case .stop(let reason): print("giving up:", reason)
/// @unknown default: break
/// }
/// ```
///
/// Every value is kept in range, the same way whether it comes through the initialiser or a property:
/// attempts at least 1, delays between zero and ``longestDelay``, jitter in `0...1` (NaN counts as 0). No
/// value makes the policy trap.
public struct RetryPolicy: Sendable, Hashable {
  /// The most attempts made in all, the first one included. At least 1.
  public var maxAttempts: Int { didSet { maxAttempts = Self.clamped(attempts: maxAttempts) } }
  /// The backoff delay after the first failed attempt; each later one doubles it. Between zero and
  /// ``longestDelay``.
  public var baseDelay: Duration { didSet { baseDelay = Self.clamped(delay: baseDelay) } }
  /// The longest backoff delay, and the longest wait the policy sleeps for; a longer wait is a
  /// ``RetryDecision/waitForReset(after:)`` to schedule. Between zero and ``longestDelay``.
  public var maxDelay: Duration { didSet { maxDelay = Self.clamped(delay: maxDelay) } }
  /// The fraction of each backoff delay that is random, from 0 (none: exactly the exponential delay) to 1
  /// (full jitter: anywhere between zero and the exponential delay).
  ///
  /// Jitter keeps many clients that failed together from retrying together. It never shortens a
  /// `Retry-After` delay.
  public var jitter: Double { didSet { jitter = Self.clamped(jitter: jitter) } }
  /// Whether the operation can be sent twice without effect: a read, a request with an idempotency key, or
  /// a send whose status the caller looks up before resending. Only then does the policy resend after an
  /// answer whose outcome is unknown (``Delivery/unknown``: a server error, a gateway's page, an unknown
  /// answer), which the provider may have acted on. `false` by default, so that a message is not sent twice.
  public var isIdempotent: Bool

  /// Creates a policy.
  ///
  /// - Parameters:
  ///   - maxAttempts: The most attempts in all, the first one included; values below 1 count as 1.
  ///   - baseDelay: The backoff delay after the first failed attempt.
  ///   - maxDelay: The cap on every backoff delay and on every wait the policy accepts.
  ///   - jitter: The random fraction of each backoff delay, clamped to `0...1`.
  ///   - isIdempotent: Whether the operation can be sent twice without effect (``isIdempotent``).
  public init(
    maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
    jitter: Double = 0.5, isIdempotent: Bool = false
  ) {
    self.maxAttempts = Self.clamped(attempts: maxAttempts)
    self.baseDelay = Self.clamped(delay: baseDelay)
    self.maxDelay = Self.clamped(delay: maxDelay)
    self.jitter = Self.clamped(jitter: jitter)
    self.isIdempotent = isIdempotent
  }

  /// The longest delay or wait a policy works with: `Int32.max` seconds (about 68 years), the cap
  /// `Retry-After` values have too. Any clock can sleep for it.
  public static let longestDelay = Duration.seconds(Int32.max)

  static func clamped(attempts: Int) -> Int { max(1, attempts) }

  static func clamped(delay: Duration) -> Duration { min(longestDelay, max(.zero, delay)) }

  static func clamped(jitter: Double) -> Double { jitter.isNaN ? 0 : min(1, max(0, jitter)) }

  /// Three attempts, 0.5 s doubling to at most 30 s, half of each delay random.
  public static let standard = RetryPolicy()

  /// Never resend: one attempt only.
  public static let none = RetryPolicy(maxAttempts: 1)

  /// What to do after attempt number `attempt` (1 for the first) failed with `error`, with jitter drawn from
  /// the system's random number generator.
  public func decision(for error: any ProviderError, attempt: Int) -> RetryDecision {
    var generator = SystemRandomNumberGenerator()
    return decision(for: error, attempt: attempt, using: &generator)
  }

  /// What to do after attempt number `attempt` (1 for the first) failed with `error`.
  ///
  /// First, what the error says cannot be changed by resending:
  /// - ``Retry/afterFix``, ``Retry/never`` and ``Retry/notNeeded``: ``RetryDecision/stop(_:)`` with the
  ///   matching reason, whatever the attempt.
  /// - An error reported after the provider accepted the message (``Delivery/acceptedThenFailed``):
  ///   ``RetryDecision/StopReason/acceptedThenFailed``; a resend would be a new message.
  /// - An answer whose outcome is unknown (``Delivery/unknown``), unless the policy ``isIdempotent``:
  ///   ``RetryDecision/StopReason/outcomeUnknown``; find out first whether the provider acted on it.
  ///
  /// Then the error's ``ProviderError/retry`` and ``ProviderError/wait`` decide, and no resend comes sooner
  /// than the wait:
  /// - ``Retry/backoff``: ``RetryDecision/retry(after:)`` with the exponential delay for this attempt,
  ///   jittered and capped at ``maxDelay``, and never shorter than the wait. A wait longer than ``maxDelay``
  ///   is ``RetryDecision/waitForReset(after:)`` with that wait: the request is to be scheduled, not resent
  ///   inside the window, nor given up.
  /// - ``Retry/afterReset``: ``RetryDecision/waitForReset(after:)`` with the wait (`nil` when none is
  ///   known).
  /// - ``Retry/afterReauth``: ``RetryDecision/reauthenticate``.
  ///
  /// Once `attempt` reaches ``maxAttempts``, anything that would resend stops with
  /// ``RetryDecision/StopReason/attemptsExhausted`` instead.
  ///
  /// - Parameters:
  ///   - error: The classified error of the failed attempt.
  ///   - attempt: The number of the attempt that failed, 1 for the first.
  ///   - generator: The random source for jitter; pass a seeded one to make delays repeatable in tests.
  public func decision(
    for error: any ProviderError, attempt: Int, using generator: inout some RandomNumberGenerator
  ) -> RetryDecision {
    switch error.retry {
    case .afterFix: return .stop(.fixRequired)
    case .never: return .stop(.never)
    case .notNeeded: return .stop(.notNeeded)
    default: break
    }
    switch error.delivery {
    case .acceptedThenFailed: return .stop(.acceptedThenFailed)
    case .unknown where !isIdempotent: return .stop(.outcomeUnknown)
    default: break
    }
    let wait = error.wait.map { Self.clamped(delay: .seconds($0.seconds)) }
    // An attempt below 1 counts as the first.
    let attempt = Self.clamped(attempts: attempt)
    if attempt >= maxAttempts { return .stop(.attemptsExhausted) }
    switch error.retry {
    case .backoff:
      if let wait, wait > maxDelay { return .waitForReset(after: wait) }
      return .retry(after: max(backoffDelay(attempt: attempt, using: &generator), wait ?? .zero))
    case .afterReset:
      return .waitForReset(after: wait)
    case .afterReauth:
      return .reauthenticate
    default:
      return .stop(.fixRequired)
    }
  }

  /// The jittered exponential delay after attempt `attempt`: `baseDelay * 2^(attempt - 1)`, capped at
  /// ``maxDelay``, less a random part of at most ``jitter`` of it.
  package func backoffDelay(attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
    let base = baseDelay / .seconds(1)
    let cap = maxDelay / .seconds(1)
    // With attempts clamped to 1...1024, the doubling stays finite in Double; the cap then bounds it.
    let doublings = min(max(attempt, 1), 1024) - 1
    let exponential = min(cap, base * Double(sign: .plus, exponent: doublings, significand: 1))
    let random = jitter == 0 ? 0 : Double.random(in: 0..<1, using: &generator)
    return Self.clamped(delay: .seconds(exponential * (1 - jitter * random)))
  }
}
