/// Hides values that look like credentials before `errcat` prints them as text.
enum Redaction {
  static let secretKeyWords = ["token", "key", "secret", "password", "authorization", "bearer", "signature"]

  /// The value, or `[redacted, N characters]` when its name suggests a credential, or when it looks like
  /// one (a long run of letters and digits with no spaces, as tokens and API keys are) and its name is not
  /// an identifier's or a time's.
  static func redacted(_ value: String, key: String = "") -> String {
    let loweredKey = key.lowercased()
    let namedSecret = secretKeyWords.contains(where: loweredKey.contains)
    let namedHarmless = loweredKey.hasSuffix("id") || loweredKey.hasSuffix("timestamp") || loweredKey == "status"
    if namedSecret || (!namedHarmless && looksLikeSecret(value)) {
      return "[redacted, \(value.count) characters]"
    }
    return value
  }

  static func looksLikeSecret(_ value: String) -> Bool {
    let scalars = value.unicodeScalars
    guard scalars.count >= 20, !scalars.contains(" ") else { return false }
    let letters = scalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }.count
    let digits = scalars.filter { ("0"..."9").contains($0) }.count
    return letters >= 4 && digits >= 2
  }
}
