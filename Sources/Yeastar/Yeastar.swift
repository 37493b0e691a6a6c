public import ErrorCatalog

/// Yeastar P-Series, the PBX: errors of its API (`https://{pbx}/openapi/v1.0/…`).
///
/// The PBX answers every call with HTTP 200 and puts the outcome in the body's `errcode`:
/// `{"errcode": 10004, "errmsg": "TOKEN EXPIRED"}`. `0` is success, `1` PARTIAL SUCCESS and `2` PROCESSING
/// are not failures, and every other value is an error. Call `classify(status:headers:body:)`.
///
/// Only the P-Series table is here: the S-Series and K2 answer `{"status": "Failed", "errno": "10003"}` with
/// codes that mean something else, and such bodies come back unrecognized.
public enum Yeastar {
  /// A classified Yeastar P-Series error.
  public typealias Error = ClassifiedError<Code>
}
