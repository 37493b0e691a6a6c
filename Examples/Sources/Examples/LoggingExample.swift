// The README's swift-log snippet; the root package's ReadmeSnippetTests checks that the README shows
// exactly the code between the markers.
// README-SNIPPET-BEGIN logging
import ErrorCatalog
import Logging

func record(_ outcome: Classification<some ProviderError>, logger: Logger) {
  guard let error = outcome.error else { return }
  // Safe to log: no body, no raw message, no phone numbers.
  var metadata = error.logAttributes.mapValues { Logger.MetadataValue.string($0) }
  metadata["errcat.remedy"] = .string(error.recoverySuggestion ?? "")
  switch error.retry {
  case .backoff, .afterReset, .notNeeded:
    logger.notice("provider answered with a transient condition", metadata: metadata)
  default:
    logger.error("provider rejected the request", metadata: metadata)
  }
}
// README-SNIPPET-END
