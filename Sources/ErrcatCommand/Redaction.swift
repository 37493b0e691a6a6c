/// Hides values that look like credentials before `errcat` prints them as text.
enum Redaction {
  static let secretKeyWords = ["token", "key", "secret", "password", "authorization", "bearer", "signature"]

  /// The value, or `[redacted, N characters]` when its name or its look suggests a credential: a long run
  /// of letters and digits with no spaces, as tokens and API keys are.
  static func redacted(_ value: String, key: String = "") -> String {
    let loweredKey = key.lowercased()
    if secretKeyWords.contains(where: loweredKey.contains) || looksLikeSecret(value) {
      return "[redacted, \(value.count) characters]"
    }
    return value
  }

  static func looksLikeSecret(_ value: String) -> Bool {
    let scalars = value.unicodeScalars
    guard scalars.count >= 20, !scalars.contains(" ") else { return false }
    let letters = scalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }.count
    let digits = scalars.filter { ("0"..."9").contains($0) }.count
    return letters > 0 && digits > 0
  }
}
