import ConnectorScaffold
import Foundation

// `hecha-new-connector PACKAGE_DIRECTORY NAME`: what the `new-connector` command plugin runs.
// Writes the scaffold's files (never over an existing one) and registers the connector.

/// Stops with `message` on stderr and exit status 1.
func stop(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let package = arguments.first, let name = arguments.last else {
    stop("usage: swift package --allow-writing-to-package-directory new-connector NAME (e.g. Housing)")
}
let scaffold: ConnectorScaffold
do { scaffold = try ConnectorScaffold(name: name) } catch { stop(error.description) }

let fm = FileManager.default
let manifestPath = package + "/Package.swift"
let builtInsPath = package + "/Sources/BuiltInConnectors/BuiltInConnectors.swift"
for file in scaffold.files where fm.fileExists(atPath: package + "/" + file.path) {
    stop("\(file.path) already exists; hint: pick another name, or remove it first")
}
let manifest: String
let builtIns: String
do {
    manifest = try scaffold.registering(inPackage: String(contentsOfFile: manifestPath, encoding: .utf8))
    builtIns = try scaffold.registering(inBuiltIns: String(contentsOfFile: builtInsPath, encoding: .utf8))
} catch let e as ScaffoldError {
    stop(e.description)
} catch {
    stop("cannot read \(manifestPath) or \(builtInsPath): \(error)")
}
do {
    for file in scaffold.files {
        let url = URL(fileURLWithPath: package + "/" + file.path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.text.write(to: url, atomically: true, encoding: .utf8)
        print("wrote \(file.path)")
    }
    try manifest.write(toFile: manifestPath, atomically: true, encoding: .utf8)
    print("added \(scaffold.typeName) to the connectors list in Package.swift")
    try builtIns.write(toFile: builtInsPath, atomically: true, encoding: .utf8)
    print("added \(scaffold.typeName) to Sources/BuiltInConnectors/BuiltInConnectors.swift")
} catch {
    stop("cannot write the connector: \(error)")
}
print("next: swift build --build-tests && swift test --skip-build --filter \(scaffold.name)Tests; the source id is '\(scaffold.id)'")
