/// The result of classifying one provider answer.
///
/// The catalog entry's outcome decides the case: an entry whose outcome is success (Yeastar `errcode` 0,
/// GENIQ `responseCode` 0) gives ``success(_:)``, Yeastar PARTIAL SUCCESS ``partial(_:)``, PROCESSING
/// ``pending(_:)``, every error code ``failure(_:)``. New outcomes may be added, so a `switch` needs an
/// `@unknown default`.
@nonexhaustive
public enum Classification<Failure: ProviderError>: Sendable, Hashable {
  /// The provider reports success; the answer's identifiers are kept.
  case success(ProviderSuccess)
  /// Part of the request succeeded; the error says what the provider reported.
  case partial(Failure)
  /// The request is still being processed.
  case pending(Failure)
  /// The request failed.
  case failure(Failure)

  /// The outcome, as the `errcat` JSON contract names it.
  public var outcome: Outcome {
    switch self {
    case .success: .success
    case .partial: .partial
    case .pending: .pending
    case .failure: .failure
    }
  }

  /// The error, for anything but success.
  public var error: Failure? {
    switch self {
    case .success: nil
    case .partial(let error), .pending(let error), .failure(let error): error
    }
  }

  /// The identifiers the answer carried, whatever the outcome.
  public var references: References {
    switch self {
    case .success(let success): success.references
    case .partial(let error), .pending(let error), .failure(let error): error.references
    }
  }

  /// The provider that answered.
  public var provider: ProviderID {
    switch self {
    case .success(let success): success.provider
    case .partial(let error), .pending(let error), .failure(let error): error.provider
    }
  }

  /// Returns the success, or throws the error for any other outcome, as `Result.get()` does.
  ///
  /// ```swift
  /// let sent = try Wolkvox.classify(status: 200, body: data).get()
  /// print(sent.references.messageID ?? "-")
  /// ```
  public func get() throws(Failure) -> ProviderSuccess {
    switch self {
    case .success(let success): return success
    case .partial(let error), .pending(let error), .failure(let error): throw error
    }
  }
}

extension Classification: Encodable {
  enum CodingKeys: String, CodingKey {
    case provider, outcome, references, success, errors
  }

  /// Encodes the `errcat classify --json` object: `provider`, `outcome`, `references`, `errors` (empty on
  /// success) and, on success, `success` with the entry that said so.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(provider, forKey: .provider)
    try container.encode(outcome, forKey: .outcome)
    try container.encode(references, forKey: .references)
    if case .success(let success) = self { try container.encode(success, forKey: .success) }
    try container.encode(error.map { [$0] } ?? [], forKey: .errors)
  }
}

extension Classification {
  /// Wraps an error according to its outcome; details whose entry says success become ``success(_:)`` with
  /// their identifiers, still read lazily from the body, and no error is made of them (a success allocates
  /// nothing). Inlinable so that it is specialised for each provider.
  @inlinable @inline(__always)
  package init<Code>(_ details: consuming ClassifiedError<Code>.Details) where Failure == ClassifiedError<Code> {
    switch details.outcome {
    case .success:
      self = .success(
        ProviderSuccess(
          provider: details.provider, kind: details.kind, status: details.status, entry: details.entry,
          referenceStorage: details.referenceStorage))
    case .partial: self = .partial(ClassifiedError(details))
    case .pending: self = .pending(ClassifiedError(details))
    case .failure: self = .failure(ClassifiedError(details))
    }
  }
}

extension Classification {
  /// The same classification with its fields kept as `fields` (``ClassifiedError/keep(_:)``; a success
  /// keeps the references).
  package func keeping<Code>(_ fields: DeferredFields.Fields) -> Self where Failure == ClassifiedError<Code> {
    switch self {
    case .success(let success): return .success(success.keeping(references: fields.references))
    case .partial(let error), .pending(let error), .failure(let error):
      error.keep(fields)
      return self
    }
  }
}
