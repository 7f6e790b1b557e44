import Foundation

/// Finds the `Resources/` folder: strings, schemas and demo data.
public enum ResourceLocator {
    /// `$STEPWISE_RESOURCES`, else the nearest `Resources/` above the executable, else
    /// `/usr/local/share/stepwise` or `/usr/share/stepwise`.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 executable: String = CommandLine.arguments.first ?? "") -> URL? {
        if let explicit = environment["STEPWISE_RESOURCES"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        var candidates: [URL] = []
        let resolved = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        var dir = resolved.deletingLastPathComponent()
        while dir.path != "/" && !dir.path.isEmpty {
            candidates.append(dir.appendingPathComponent("Resources"))
            dir = dir.deletingLastPathComponent()
        }
        candidates += ["/usr/local/share/stepwise", "/usr/share/stepwise"].map { URL(fileURLWithPath: $0) }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("strings/en.json").path) }
    }
}
