extension RetryPolicy {
  /// Runs `operation` (one request, classified) and resends it as this policy decides, until it succeeds,
  /// the policy stops, or the attempts run out; returns the last classification.
  ///
  /// After a ``Classification/failure(_:)``, ``decision(for:attempt:using:)`` decides:
  /// - ``RetryDecision/retry(after:)``: sleeps on `clock` for the delay, then runs `operation` again.
  /// - ``RetryDecision/waitForReset(after:)`` with a known delay no longer than ``maxDelay``: sleeps, then
  ///   runs `operation` again; an unknown or longer wait returns the failure, for the caller to schedule.
  /// - ``RetryDecision/reauthenticate``: calls `reauthenticate`, then runs `operation` again at once. Without
  ///   a hook, or when the attempt right after a re-authentication asks for one again, returns the failure.
  /// - ``RetryDecision/stop(_:)``: returns the failure.
  ///
  /// Success, ``Classification/partial(_:)`` and ``Classification/pending(_:)`` return at once. Errors that
  /// `operation`, `reauthenticate` or the clock throw (a transport error, `CancellationError`) are thrown
  /// as they are. The function runs on the caller's actor, so `operation` may use its state.
  ///
  /// Cancellation ends a sleep at once and is checked after each attempt and each re-authentication, so a
  /// cancelled run makes no further attempt. `operation` and `reauthenticate` run on the caller's task and
  /// are awaited: one that ignores cancellation and never returns keeps the run waiting, as any awaited
  /// call would. Give them a timeout (URLSession's `timeoutInterval`) and let them honour cancellation.
  ///
  /// ```swift
  /// let outcome = try await RetryPolicy.standard.run(
  ///   reauthenticate: { try await tokens.refresh() },
  ///   operation: {
  ///     let (data, response) = try await session.data(for: request)
  ///     return Yeastar.classify(response, data: data)
  ///   })
  /// ```
  ///
  /// - Parameters:
  ///   - clock: The clock to sleep on; pass a test clock to run without real waiting.
  ///   - generator: The random source for jitter.
  ///   - reauthenticate: Gets new credentials before the next attempt, for errors whose retry is
  ///     ``Retry/afterReauth``.
  ///   - operation: Sends the request once and classifies the answer.
  /// - Returns: The last attempt's classification.
  nonisolated(nonsending)
    public func run<Failure: ProviderError>(
      clock: any Clock<Duration> = ContinuousClock(), using generator: inout some RandomNumberGenerator,
      reauthenticate: (() async throws -> Void)? = nil,
      operation: () async throws -> Classification<Failure>
    ) async throws -> Classification<Failure>
  {
    try await attempt(clock: clock, using: &generator, reauthenticate: reauthenticate, operation: operation)
      .classification
  }

  /// Runs `operation` and resends it as ``run(clock:using:reauthenticate:operation:)`` does, and says how
  /// the run ended: the last classification, the attempts made, and the decision that ended a failed run,
  /// so that nothing is given up silently. A ``RetryDecision/waitForReset(after:)`` there is a wait longer
  /// than ``maxDelay`` (or of unknown length): schedule the request for then, rather than dropping it.
  ///
  /// ```swift
  /// let run = try await policy.attempt { try await send(message) }
  /// if case .waitForReset(let delay?) = run.decision { queue.schedule(message, after: delay) }
  /// ```
  ///
  /// - Parameters:
  ///   - clock: The clock to sleep on; pass a test clock to run without real waiting.
  ///   - generator: The random source for jitter.
  ///   - reauthenticate: Gets new credentials before the next attempt, for errors whose retry is
  ///     ``Retry/afterReauth``.
  ///   - operation: Sends the request once and classifies the answer.
  /// - Returns: How the run ended.
  nonisolated(nonsending)
    public func attempt<Failure: ProviderError>(
      clock: any Clock<Duration> = ContinuousClock(), using generator: inout some RandomNumberGenerator,
      reauthenticate: (() async throws -> Void)? = nil,
      operation: () async throws -> Classification<Failure>
    ) async throws -> RetryRun<Failure>
  {
    var attempt = 1
    var reauthenticatedLast = false
    while true {
      let classification = try await operation()
      guard case .failure(let error) = classification else {
        return RetryRun(classification: classification, attempts: attempt, decision: nil)
      }
      var reauthenticated = false
      let decision = decision(for: error, attempt: attempt, using: &generator)
      if decision.resends { try Task.checkCancellation() }
      switch decision {
      case .retry(let delay):
        try await clock.sleep(for: delay)
      case .waitForReset(let delay?) where delay <= maxDelay:
        try await clock.sleep(for: delay)
      case .reauthenticate:
        guard let reauthenticate, !reauthenticatedLast else {
          return RetryRun(classification: classification, attempts: attempt, decision: decision)
        }
        try await reauthenticate()
        // A hook that finished after the task was cancelled does not start another attempt.
        try Task.checkCancellation()
        reauthenticated = true
      default:
        return RetryRun(classification: classification, attempts: attempt, decision: decision)
      }
      reauthenticatedLast = reauthenticated
      attempt += 1
    }
  }

  /// ``attempt(clock:using:reauthenticate:operation:)`` with jitter drawn from the system's random number
  /// generator.
  ///
  /// - Parameters:
  ///   - clock: The clock to sleep on; pass a test clock to run without real waiting.
  ///   - reauthenticate: Gets new credentials before the next attempt, for errors whose retry is
  ///     ``Retry/afterReauth``.
  ///   - operation: Sends the request once and classifies the answer.
  /// - Returns: How the run ended.
  nonisolated(nonsending)
    public func attempt<Failure: ProviderError>(
      clock: any Clock<Duration> = ContinuousClock(), reauthenticate: (() async throws -> Void)? = nil,
      operation: () async throws -> Classification<Failure>
    ) async throws -> RetryRun<Failure>
  {
    var generator = SystemRandomNumberGenerator()
    return try await attempt(clock: clock, using: &generator, reauthenticate: reauthenticate, operation: operation)
  }

  /// Runs `operation` and resends it as this policy decides, with jitter drawn from the system's random
  /// number generator; see ``run(clock:using:reauthenticate:operation:)``.
  ///
  /// - Parameters:
  ///   - clock: The clock to sleep on; pass a test clock to run without real waiting.
  ///   - reauthenticate: Gets new credentials before the next attempt, for errors whose retry is
  ///     ``Retry/afterReauth``.
  ///   - operation: Sends the request once and classifies the answer.
  /// - Returns: The last attempt's classification.
  nonisolated(nonsending)
    public func run<Failure: ProviderError>(
      clock: any Clock<Duration> = ContinuousClock(), reauthenticate: (() async throws -> Void)? = nil,
      operation: () async throws -> Classification<Failure>
    ) async throws -> Classification<Failure>
  {
    var generator = SystemRandomNumberGenerator()
    return try await run(clock: clock, using: &generator, reauthenticate: reauthenticate, operation: operation)
  }

  /// Runs `operation` as ``run(clock:reauthenticate:operation:)->_`` does, for an operation that also returns a
  /// value of its own, such as the data of a success (a classification keeps no body): returns the last
  /// attempt's classification and value.
  ///
  /// ```swift
  /// let (outcome, data) = try await policy.run {
  ///   let (data, response) = try await session.data(for: request)
  ///   return (Yeastar.classify(response, data: data), data)
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - clock: The clock to sleep on; pass a test clock to run without real waiting.
  ///   - reauthenticate: Gets new credentials before the next attempt, for errors whose retry is
  ///     ``Retry/afterReauth``.
  ///   - operation: Sends the request once, classifies the answer, and returns that with a value.
  /// - Returns: The last attempt's classification and value.
  nonisolated(nonsending)
    public func run<Failure: ProviderError, Value>(
      clock: any Clock<Duration> = ContinuousClock(), reauthenticate: (() async throws -> Void)? = nil,
      operation: () async throws -> (Classification<Failure>, Value)
    ) async throws -> (classification: Classification<Failure>, value: Value)
  {
    var generator = SystemRandomNumberGenerator()
    var last: Value?
    let run = try await attempt(clock: clock, using: &generator, reauthenticate: reauthenticate) {
      let (classification, value) = try await operation()
      last = value
      return classification
    }
    // `attempt` runs the operation at least once, and returns only after one has returned.
    guard let last else { preconditionFailure("RetryPolicy.run returned without running its operation") }
    return (run.classification, last)
  }
}

/// How a ``RetryPolicy`` run ended.
public struct RetryRun<Failure: ProviderError>: Sendable {
  /// The last attempt's classification.
  public let classification: Classification<Failure>
  /// How many attempts were made, the first included.
  public let attempts: Int
  /// Why the run ended on a failure: ``RetryDecision/stop(_:)`` with its reason,
  /// ``RetryDecision/waitForReset(after:)`` for a wait longer than the policy's cap or of unknown length (to
  /// be scheduled), or ``RetryDecision/reauthenticate`` when there was no hook or new credentials were
  /// refused again. `nil` when the last attempt did not fail.
  public let decision: RetryDecision?
}
