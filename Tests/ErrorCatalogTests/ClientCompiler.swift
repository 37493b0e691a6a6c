import Foundation
import Testing

/// Type-checks Swift source against the modules this test run built, as a separate client would.
enum ClientCompiler {
  /// The folder of built `.swiftmodule` files: `Modules` beside the test bundle.
  static let modules: URL? = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("Modules")
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("ErrorCatalog.swiftmodule").path) {
        return candidate
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }()

  /// The `-package-name` SwiftPM gives this package's modules: the clone folder's name as an identifier.
  static var packageName: String {
    let name = PackagePaths.root.lastPathComponent.lowercased()
    var out = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    if out.first?.isNumber == true { out = "_" + out }
    return out
  }

  /// Runs `swiftc -typecheck` on `source`; `insidePackage` gives it the package's name, so `package`
  /// declarations are visible as they are to the package's own modules.
  static func typecheck(
    _ source: String, moduleName: String = "Client", insidePackage: Bool = false
  ) throws -> (status: Int32, output: String) {
    let modules = try #require(modules, "the built modules were not found beside \(CommandLine.arguments[0])")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("client-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("\(moduleName).swift")
    try source.write(to: file, atomically: true, encoding: .utf8)
    var arguments = [
      "swiftc", "-typecheck", "-swift-version", "6", "-module-name", moduleName, "-I", modules.path, file.path,
    ]
    if insidePackage { arguments += ["-package-name", packageName] }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
