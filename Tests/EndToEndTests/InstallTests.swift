import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `make install` lays out the tree an administrator expects, and the installed program runs
/// from a copy of that tree in a fresh folder with only the system's libraries: the Swift
/// runtime is linked in, nothing is loaded from the toolchain or the build folder.
///
/// In `make test` the release binary is already built, so `make install` only copies; run
/// alone, this test builds it first (a few minutes).
final class InstallTests: EndToEndTestCase {
    /// Runs a program found on the PATH.
    func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 60) throws -> CLIResult {
        try CLI.run(arguments, executable: "/usr/bin/env", environment: E2E.environment.merging(environment) { $1 }, timeout: timeout)
    }

    /// The files under `folder`, by path relative to it, sorted.
    func files(under folder: URL) -> [String] {
        snapshot(folder).keys.sorted()
    }

    /// `make install DESTDIR=<stage> PREFIX=/usr`; returns the stage.
    func install() throws -> URL {
        guard (try? run(["make", "--version"]))?.status == 0 else { throw XCTSkip("make is not installed") }
        let stage = root.appendingPathComponent("stage")
        let result = try run(["make", "-C", E2E.repo.path, "install", "DESTDIR=\(stage.path)", "PREFIX=/usr"], timeout: 1800)
        XCTAssertEqual(result.status, 0, "make install failed:\n\(result.stdout)\n\(result.stderr)")
        guard result.status == 0 else { throw E2EError("make install failed") }
        return stage
    }

    func testInstallLaysOutTheTreeAndUninstallRemovesIt() throws {
        let stage = try install()
        let usr = stage.appendingPathComponent("usr")
        let installed = Set(files(under: usr))
        let examples = files(under: E2E.repo.appendingPathComponent("Resources/examples"))
        XCTAssertEqual(examples, ["stepwise-check.cron", "stepwise-check.service", "stepwise-check.timer", "stepwise.conf"])
        // Besides share/stepwise: exactly these.
        XCTAssertEqual(
            installed.filter { !$0.hasPrefix("share/stepwise/") }.sorted(),
            ([
                "bin/stepwise", "share/bash-completion/completions/stepwise", "share/doc/stepwise/README.md",
                "share/man/man1/stepwise.1", "share/zsh/vendor-completions/_stepwise",
            ]
                + examples.map { "share/doc/stepwise/examples/" + $0 }).sorted())
        // Everything in Resources/ but the examples is the program's, under share/stepwise.
        let resources = files(under: E2E.repo.appendingPathComponent("Resources")).filter { !$0.hasPrefix("examples/") }
        XCTAssertGreaterThan(resources.count, 10)
        XCTAssertEqual(installed.filter { $0.hasPrefix("share/stepwise/") }.sorted(), resources.map { "share/stepwise/" + $0 })
        for lang in ["en", "da", "sv", "de"] { XCTAssertTrue(installed.contains("share/stepwise/strings/\(lang).json")) }

        let binary = try FileManager.default.attributesOfItem(atPath: usr.appendingPathComponent("bin/stepwise").path)
        XCTAssertEqual((binary[.posixPermissions] as? NSNumber)?.intValue, 0o755)
        let page = try FileManager.default.attributesOfItem(atPath: usr.appendingPathComponent("share/man/man1/stepwise.1").path)
        XCTAssertEqual((page[.posixPermissions] as? NSNumber)?.intValue, 0o644)

        // The installed manual page renders without a single warning.
        let groff = try run(["groff", "-ww", "-z", "-man", usr.appendingPathComponent("share/man/man1/stepwise.1").path])
        XCTAssertEqual(groff.status, 0, groff.stderr)
        XCTAssertEqual(groff.stderr, "", "groff warns about the manual page")

        let uninstall = try run(["make", "-C", E2E.repo.path, "uninstall", "DESTDIR=\(stage.path)", "PREFIX=/usr"])
        XCTAssertEqual(uninstall.status, 0, uninstall.stderr)
        XCTAssertEqual(files(under: usr), [], "make uninstall leaves files behind")
    }

    func testTheInstalledCopyRunsWithoutTheToolchain() throws {
        let stage = try install()
        // A fresh folder elsewhere, as an administrator would unpack it under /opt.
        let fresh = root.appendingPathComponent("opt/stepwise")
        try FileManager.default.createDirectory(at: fresh.deletingLastPathComponent(), withIntermediateDirectories: true)
        let copy = try run(["cp", "-a", stage.appendingPathComponent("usr").path, fresh.path])
        XCTAssertEqual(copy.status, 0, copy.stderr)
        let binary = fresh.appendingPathComponent("bin/stepwise").path

        // The loader finds every library among the system's: none in the toolchain, the build
        // folder or the repository, none missing, no Swift runtime library.
        let ldd = try run(["ldd", binary])
        XCTAssertEqual(ldd.status, 0, ldd.stderr)
        for line in ldd.stdout.split(separator: "\n") {
            for bad in ["not found", "/opt/swift", "swift", ".build", E2E.repo.path] {
                XCTAssertFalse(line.contains(bad), "the installed binary loads \(line)")
            }
        }
        // A clean environment: no toolchain on the PATH, no library path, no resources variable;
        // as root, also the toolchain's library folder and the build folder hidden (empty
        // folders mounted over them in a mount namespace of the program's own), so that a
        // binary that needed the Swift runtime would fail as it does on a server without it.
        let home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var clean = ["env", "-i", "PATH=/usr/bin:/bin", "LD_LIBRARY_PATH=", "HOME=\(home.path)", "LANG=C.UTF-8", "STEPWISE_COACH=Anna"]
        let swift = try run(["sh", "-c", "readlink -f \"$(command -v swift)\""]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let toolchainLibraries = URL(fileURLWithPath: swift).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib").path
        if getuid() == 0, !swift.isEmpty, FileManager.default.fileExists(atPath: toolchainLibraries) {
            clean =
                [
                    "unshare", "--mount", "sh", "-c",
                    "mount -t tmpfs tmpfs \"$1\" && mount -t tmpfs tmpfs \"$2\" && shift 2 && exec \"$@\"",
                    "sh", toolchainLibraries, E2E.repo.appendingPathComponent(".build").path,
                ] + clean
            let hidden = try run(clean + ["ls", "-A", toolchainLibraries])
            XCTAssertEqual(hidden.status, 0, hidden.stderr)
            XCTAssertEqual(hidden.stdout, "", "the toolchain's libraries are hidden")
        }
        var result = try run(clean + [binary, "--version"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("stepwise "), result.stdout)

        result = try run(clean + [binary, "demo", "--data", data.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        result = try run(clean + [binary, "list", "--data", data.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let listed = result.stdout.split(separator: "\n").count
        XCTAssertGreaterThan(listed, 2)
        XCTAssertEqual(try run(clean + [binary, "list", "--ids", "--data", data.path]).stdout.split(separator: "\n").count, listed)
        // The resources are found beside the binary: the German strings are there.
        let id = try XCTUnwrap(try run(clean + [binary, "list", "--ids", "--data", data.path]).stdout.split(separator: "\n").first)
        result = try run(clean + [binary, "summary", String(id), "--lang", "de", "--format", "markdown", "--data", data.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Maßnahme"), result.stdout)

        // The screen, in tmux, from the same clean environment.
        let status = root.appendingPathComponent("tui.status")
        let command =
            (clean + ["TERM=screen", binary, "--data", data.path]).map(E2E.quote).joined(separator: " ")
            + "; echo $? > " + E2E.quote(status.path) + "; sleep 30"
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(width: 80, height: 24, command: command)
        let screen = tmux.waitFor("\(listed) participants", timeout: 15)
        XCTAssertTrue(screen.contains("\(listed) participants"), screen)
        tmux.send("q")
        // The shell creates the file before it writes the status into it: wait for the status.
        XCTAssertTrue(E2E.poll(timeout: 10) {
            !((try? String(contentsOf: status, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }, tmux.screen())
        XCTAssertEqual((try? String(contentsOf: status, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines), "0")
    }
}
