import Foundation
import XCTest

/// The bash completion that `stepwise help --bash` writes (and `make install` installs),
/// run by bash itself: commands, options, option values, and participant and offer ids,
/// never names.
final class CompletionTests: EndToEndTestCase {
    /// COMPREPLY after completing `words` (the last is the word being typed), in bash with the
    /// generated script loaded and `stepwise` on the PATH.
    func complete(_ words: [String]) throws -> [String] {
        let script = root.appendingPathComponent("stepwise.bash")
        if !FileManager.default.fileExists(atPath: script.path) {
            let generated = try stepwise(["help", "--bash"], data: false)
            XCTAssertEqual(generated.status, 0, generated.stderr)
            try generated.stdoutData.write(to: script)
            let bin = root.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("stepwise").path, withDestinationPath: E2E.binary)
        }
        let program = """
            source "$1"; shift
            complete -p stepwise >/dev/null || exit 3
            COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
            _stepwise
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try CLI.run(
            ["bash", "-c", program, "bash", script.path] + words, executable: "/usr/bin/env",
            environment: E2E.environment.merging(["PATH": root.appendingPathComponent("bin").path + ":/usr/bin:/bin"]) { $1 })
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    func testCommandsOptionsAndValues() throws {
        XCTAssertEqual(
            try complete(["stepwise", ""]),
            [
                "init", "demo", "list", "check", "offers", "jobs", "book", "unbook", "summary", "calendar", "report", "export", "erase",
                "config", "help",
            ])
        XCTAssertEqual(try complete(["stepwise", "su"]), ["summary"])
        XCTAssertEqual(try complete(["stepwise", "list", "--"]), ["--data", "--help", "--ids", "--json", "--lang", "--version"])
        XCTAssertEqual(try complete(["stepwise", "summary", "--format", ""]), ["text", "markdown", "html", "pdf"])
        XCTAssertEqual(try complete(["stepwise", "export", "--format", ""]), ["json", "text"])
        XCTAssertEqual(try complete(["stepwise", "--lang", ""]), ["en", "da", "sv", "de"])
        XCTAssertEqual(try complete(["stepwise", "offers", ""]), ["list", "import", "export", "forget-adjustments"])
        XCTAssertEqual(try complete(["stepwise", "offers", "export", "--separator", ""]), [",", ";", "tab"])
        XCTAssertEqual(try complete(["stepwise", "help", "conf"]), ["config"])
    }

    func testParticipantAndOfferIdsNeverNames() throws {
        try makeDemo()
        let participants = try stepwise(["list", "--ids"]).stdout.split(separator: "\n").map(String.init)
        let offers = try stepwise(["offers", "list", "--ids"]).stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(participants.count, demoCount)
        XCTAssertEqual(Set(participants), Set(participantFiles().map { $0.url.deletingPathExtension().lastPathComponent }))
        XCTAssertGreaterThan(offers.count, 2)

        let summary = try complete(["stepwise", "summary", "--data", data.path, ""])
        XCTAssertEqual(summary, participants)
        XCTAssertEqual(try complete(["stepwise", "--data=\(data.path)", "book", ""]), participants)
        XCTAssertEqual(try complete(["stepwise", "--data", data.path, "book", participants[0], ""]), offers)
        let typed = String(participants[0].prefix(4))
        XCTAssertEqual(try complete(["stepwise", "--data", data.path, "erase", typed]), participants.filter { $0.hasPrefix(typed) })
        // No name is ever offered, whatever is typed.
        let names = participantFiles().compactMap { $0.object["name"] as? String }
        XCTAssertEqual(names.count, demoCount)
        for name in names {
            XCTAssertEqual(try complete(["stepwise", "summary", "--data", data.path, String(name.prefix(2))]), [], name)
        }
    }
}
