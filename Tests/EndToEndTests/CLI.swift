import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// What a finished command printed and how it ended.
struct CLIResult {
    /// The exit status; 128 + the signal when a signal ended it.
    let status: Int32
    let stdoutData: Data
    let stderr: String
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
}

/// Runs a program (by default stepwise) as a process without a terminal: standard input is
/// /dev/null, standard output and error go to files so that nothing can block.
///
/// It uses posix_spawn and waitpid rather than Foundation's Process: a program that leaves a
/// daemon behind (tmux starts its server this way) keeps Process.waitUntilExit from returning.
enum CLI {
    static func run(
        _ arguments: [String], executable: String = E2E.binary, environment extra: [String: String] = E2E.environment,
        umask mask: String? = nil, timeout: TimeInterval = 30
    ) throws -> CLIResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-e2e-cli-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path

        var argv: [String]
        if let mask {
            // The shell sets the umask, then becomes the program.
            argv = ["/bin/sh", "-c", "umask \(mask); exec \"$@\"", "sh", executable] + arguments
        } else {
            argv = [executable] + arguments
        }
        var inherited = ProcessInfo.processInfo.environment
        for name in E2E.cleared { inherited[name] = nil }
        let environment = inherited.merging(extra) { $1 }.map { "\($0.key)=\($0.value)" }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default signal handling and an unblocked mask in the child, whatever the test runner set.
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var pid: pid_t = 0
        let spawned = withCStrings(argv) { cArgv in
            withCStrings(environment) { cEnv in
                posix_spawnp(&pid, argv[0], &actions, &attributes, cArgv, cEnv)
            }
        }
        guard spawned == 0 else { throw E2EError("cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }

        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { throw E2EError("waitpid failed for \(argv[0])") }
            if Date() >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw E2EError("\(argv.joined(separator: " ")) did not end within \(timeout) s")
            }
            usleep(5_000)
        }
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let stdoutData = FileManager.default.contents(atPath: outPath) ?? Data()
        let stderrData = FileManager.default.contents(atPath: errPath) ?? Data()
        return CLIResult(status: exitStatus, stdoutData: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Calls `body` with a NULL-terminated C array of `strings`.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
