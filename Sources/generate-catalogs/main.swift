import CatalogGenerator
import Foundation

// Usage: swift run generate-catalogs [PACKAGE-ROOT]
// Regenerates Sources/*/Generated/*+Catalog.swift and the provider modules' DocC catalogs
// (Sources/<Module>/<Module>.docc/) from Catalogs/*.json; a page left over from a renamed or removed code is
// deleted, since those catalogs are generated whole.
let root = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? FileManager.default.currentDirectoryPath)
do {
  let files = try Generator.generate(catalogsIn: root.appendingPathComponent("Catalogs"))
  for (path, content) in files.sorted(by: { $0.key < $1.key }) {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if existing != content {
      try content.write(to: url, atomically: true, encoding: .utf8)
      print("wrote \(path)")
    } else {
      print("unchanged \(path)")
    }
  }
  for path in Generator.staleDocumentation(in: root, generated: files) {
    try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    print("removed \(path)")
  }
} catch {
  FileHandle.standardError.write(Data("generate-catalogs: \(error)\n".utf8))
  exit(1)
}
