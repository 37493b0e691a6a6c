// The README's swift-metrics snippet; the root package's ReadmeSnippetTests checks that the README shows
// exactly the code between the markers.
// README-SNIPPET-BEGIN metrics
import ErrorCatalog
import Metrics

/// Counts every classification by provider, outcome, code and situation. The labels come from the error's
/// log attributes, whose values are bounded: codes are the catalogs' (an unrecognized code only when it is
/// a short number), and no identifier is used as a label.
func count(_ outcome: Classification<some ProviderError>) {
  var dimensions = [("provider", outcome.provider.rawValue), ("outcome", outcome.outcome.rawValue)]
  if let attributes = outcome.error?.logAttributes {
    for name in ["error.type", "errcat.code", "errcat.situation", "errcat.retry", "errcat.delivery"] {
      if let value = attributes[name] { dimensions.append((name, value)) }
    }
  }
  Counter(label: "provider_answers_total", dimensions: dimensions).increment()
}
// README-SNIPPET-END
