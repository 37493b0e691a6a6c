public import ErrorCatalog

/// Meta's WhatsApp Cloud API and Graph API error codes.
///
/// Meta answers synchronous calls with a Graph `error` object (`code`, `error_subcode`, `type`, `message`,
/// `error_data.details`, `fbtrace_id`) and reports later failures in webhooks, under
/// `statuses[].errors[]`. 360dialog's Cloud API passes these through unchanged, Cequens may too, and
/// GENIQ's template table is made of them.
public enum WhatsApp {
  /// A classified WhatsApp Cloud API error.
  public typealias Error = ClassifiedError<Code>
}
