import Foundation

/// Finds the resources folder: strings, schemas, indicators and demo data.
public enum ResourceLocator {
    /// `$STEPWISE_RESOURCES` when set; else, from the executable's real path (symbolic links
    /// resolved), `<bin>/../share/stepwise` of an installed copy under any prefix (`make install`
    /// lays out `PREFIX/bin/stepwise` and `PREFIX/share/stepwise`), else the nearest `Resources/`
    /// above it (a source checkout's `.build/debug/stepwise`); else `/usr/local/share/stepwise`
    /// or `/usr/share/stepwise`. Only a folder that holds `strings/en.json` counts; nil when
    /// none does.
    public static func directory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
    ) -> URL? {
        if let explicit = environment["STEPWISE_RESOURCES"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        return candidates(executable: executable).first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("strings/en.json").path)
        }
    }

    /// Where the resources may be for `executable`, in the order they are tried.
    static func candidates(executable: String) -> [URL] {
        let bin = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [bin.deletingLastPathComponent().appendingPathComponent("share/stepwise")]
        var dir = bin
        while dir.path != "/" && !dir.path.isEmpty {
            candidates.append(dir.appendingPathComponent("Resources"))
            dir = dir.deletingLastPathComponent()
        }
        return candidates + ["/usr/local/share/stepwise", "/usr/share/stepwise"].map { URL(fileURLWithPath: $0) }
    }
}
