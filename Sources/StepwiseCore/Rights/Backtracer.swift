import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps Swift's crash handler from offering its interactive backtracer ("Press space to
/// interact, D to debug") on the shared screen, where a citizen may be sitting: after a
/// crash nobody must be able to walk through the program's memory, which holds their record.
///
/// The runtime reads `SWIFT_BACKTRACE` once, when the process starts (see the Swift runtime's
/// docs/Backtracing.rst), so setting it from inside the program is too late. Instead the
/// program starts itself once more, at once, with `interactive=no` added to whatever the
/// environment set (a later setting overrides an earlier one); the crash report itself
/// (the stack, no data) is still written to standard error.
public enum Backtracer {
    /// The environment variable the Swift runtime reads.
    static let variable = "SWIFT_BACKTRACE"

    /// The value of `SWIFT_BACKTRACE` that keeps `setting` and turns interaction off, or nil
    /// when `setting` already does.
    static func nonInteractive(_ setting: String?) -> String? {
        let parts = (setting ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let last = parts.last { $0.hasPrefix("interactive=") || $0.hasPrefix("enable=") }
        if parts.contains("enable=no") || parts.contains("enable=false") || parts.contains("enable=off") { return nil }
        if let last, ["interactive=no", "interactive=false", "interactive=off", "interactive=0"].contains(last) { return nil }
        return parts.isEmpty ? "interactive=no" : (setting ?? "") + ",interactive=no"
    }

    /// Replaces the process by itself, with the same arguments and `SWIFT_BACKTRACE` set to
    /// `interactive=no` (added to what was set), unless the interactive backtracer is off
    /// already. Returns when it is off, or when the program cannot be started again (then it
    /// runs on as it is).
    public static func turnOffInteraction(
        arguments: [String] = CommandLine.arguments,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        guard let value = nonInteractive(environment[variable]) else { return }
        var changed = environment
        changed[variable] = value
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = changed.map { strdup("\($0.key)=\($0.value)") } + [nil]
        _ = execve("/proc/self/exe", argv, envp)
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
}
