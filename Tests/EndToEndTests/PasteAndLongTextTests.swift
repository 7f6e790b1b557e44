import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

extension Tmux {
    /// Pastes `text` as a terminal does when the program asked for bracketed paste
    /// (`paste-buffer -p`: between ESC [200~ and ESC [201~; line breaks sent as CR).
    func paste(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-paste-" + UUID().uuidString)
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let buffer = "paste-" + name
        Tmux.tmux(["load-buffer", "-b", buffer, file.path])
        Tmux.tmux(["paste-buffer", "-p", "-d", "-b", buffer, "-t", name])
    }

    /// The screen on one line without the frames of boxes, so that text wrapped inside a
    /// form can be found.
    static func flatInsideBoxes(_ screen: String) -> String {
        flat(screen.replacingOccurrences(of: "│", with: " "))
    }
}

extension EndToEndTestCase {
    /// After the program ended: a paste reaches the shell as plain text, so bracketed paste
    /// mode was turned off (left on, the terminal would wrap it in ESC [200~ … ESC [201~,
    /// which the terminal's echo shows as ^[[200~).
    func assertBracketedPasteOff(_ run: TUIRun, file: StaticString = #filePath, line: UInt = #line) {
        let text = "pasted after the end"
        XCTAssertNoThrow(try run.tmux.paste(text), file: file, line: line)
        let screen = run.tmux.waitFor(text, file: file, line: line)
        XCTAssertFalse(
            screen.contains("[200~") || screen.contains("[201~"),
            "bracketed paste is still on after stepwise ended:\n\(screen)", file: file, line: line)
    }
}

/// Issue 13 (points 1 and 2): pasted text is only ever text, and long texts wrap in the form
/// so that all of what the citizen said is on screen, at 80×24.
final class PasteAndLongTextTests: EndToEndTestCase {
    /// Opens the first participant of the caseload on the plan tab; returns the record's file.
    private func openFirst(_ tmux: Tmux, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        tmux.waitFor(participantsLine(), file: file, line: line)
        tmux.send("Enter")
        let screen = tmux.waitForSettled("[1 Plan]", file: file, line: line)
        let title = screen.components(separatedBy: "\n").first ?? ""
        let record = participantFiles().first { title.contains(($0.object["name"] as? String) ?? "\u{0}") }
        return try XCTUnwrap(record?.url, "the open participant's name is on screen:\n\(screen)", file: file, line: line)
    }

    private func plan(_ url: URL) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [String: Any]
        return try XCTUnwrap(object?["plan"] as? [String: Any])
    }

    /// The report: three lines pasted into "Good at" saved the first line, and the next line,
    /// which began with `g`, made a new goal. Now the three lines are the field's text.
    func testThreeLinesPastedIntoGoodAtStayTextAndMakeNoGoal() throws {
        try makeDemo()
        let run = try startTUI()
        let tmux = run.tmux
        let record = try openFirst(tmux)
        let goalsBefore = (try plan(record)["goals"] as? [Any])?.count
        tmux.send("Enter")
        tmux.waitFor("Good at, have done")
        tmux.waitFor("› In my words")
        tmux.send("C-u")
        let lines = ["Punktlig og grundig", "god med tal, æøå og 😀", "quit smoking in 2019"]
        try tmux.paste(lines.joined(separator: "\n"))
        var screen = tmux.waitForSettled("quit smoking in 2019")
        XCTAssertTrue(screen.contains("Good at, have done"), "the form is still open:\n\(screen)")
        for text in lines { XCTAssertTrue(screen.contains(text), "“\(text)” is on its own row:\n\(screen)") }
        XCTAssertTrue(run.isRunning, "nothing pasted was taken as q")

        tmux.send("Enter")
        screen = tmux.waitForGone("› In my words")
        XCTAssertTrue(screen.contains("[1 Plan]"), screen)
        XCTAssertTrue(
            E2E.poll(timeout: 5) {
                ((try? self.plan(record))?["aboutMe"] as? [String: Any]).flatMap { $0["goodAt"] as? [String: Any] }?["text"] as? String
                    == lines.joined(separator: "\n")
            }, "the three lines are saved with their line breaks")
        XCTAssertEqual((try plan(record)["goals"] as? [Any])?.count, goalsBefore, "no goal was made by the pasted g")
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }

    /// Outside a form a paste does nothing but say so: "q" pasted into the caseload does not quit.
    func testAPasteOutsideAFormIsLeftOutWithAMessage() throws {
        try makeDemo()
        let run = try startTUI()
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        try tmux.paste("q\na\n")
        var screen = tmux.waitFor("Pasted text goes only into a text field")
        XCTAssertFalse(screen.contains("Add a participant"), "a is not run as Add:\n\(screen)")
        XCTAssertTrue(run.isRunning, "q is not run as Quit")
        // In a participant: a pasted g makes no goal.
        _ = try openFirst(tmux)
        try tmux.paste("g\nMit mål\n")
        screen = tmux.waitForSettled("Pasted text goes only into a text field")
        XCTAssertFalse(screen.contains("A new goal"), screen)
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }

    /// A two-sentence Danish note with æøå and an emoji, typed at 80×24: all of it is on
    /// screen while it is typed, after the focus leaves it, and on the notes tab once saved.
    func testATwoSentenceDanishNoteShowsWholeAt80x24() throws {
        try makeDemo()
        let note =
            "Vi har talt om, hvordan det går med søvnen, og om at Søren gerne vil prøve en praktik i et køkken. "
            + "Han ringer selv til Æblehaven på fredag og fortæller mig bagefter, hvordan det gik 😀"
        let run = try startTUI(["--data", data.path, "--lang", "da"], width: 80, height: 24)
        let tmux = run.tmux
        tmux.waitFor("\(demoCount) deltagere")
        tmux.send("Enter")
        tmux.waitFor("[1 Plan]")
        tmux.send("3")
        tmux.waitFor("[3 Notater]")
        tmux.send("n")
        tmux.waitFor("Et nyt notat")
        tmux.type(note)
        var screen = tmux.waitUntil("the whole note is in the form") { Tmux.flatInsideBoxes($0).contains(Tmux.flat(note)) }
        XCTAssertTrue(screen.contains("Ctrl-J"), "the footer shows the key for a new line:\n\(screen)")
        tmux.send("Tab")
        screen = tmux.waitForSettled("› Slags")
        XCTAssertTrue(Tmux.flatInsideBoxes(screen).contains(Tmux.flat(note)), "the whole note shows after the focus left it:\n\(screen)")
        tmux.send("Enter")
        screen = tmux.waitForGone("Et nyt notat")
        screen = tmux.waitUntil("the whole note is on the notes tab") { Tmux.flat($0).contains(Tmux.flat(note)) }
        tmux.send("Escape")
        tmux.waitFor("\(demoCount) deltagere")
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
        let saved = participantFiles().contains { file in
            String(decoding: (try? JSONSerialization.data(withJSONObject: file.object)) ?? Data(), as: UTF8.self).contains(
                "fortæller mig bagefter")
        }
        XCTAssertTrue(saved, "the note is saved")
    }

    /// Ctrl-Z gives the shell its terminal with bracketed paste off (a paste at the prompt is
    /// plain text), and `fg` takes it back with bracketed paste on (a paste is text again).
    func testSuspendTurnsBracketedPasteOffAndResumeTurnsItOn() throws {
        try makeDemo()
        let tmux = Tmux()
        defer { tmux.kill() }
        let script = root.appendingPathComponent("shell.sh")
        var lines = ["#!/bin/sh", "unset " + E2E.cleared.joined(separator: " ")]
        for (key, value) in E2E.environment.sorted(by: { $0.key < $1.key }) { lines.append("export \(key)=\(E2E.quote(value))") }
        // A shell with job control and without line editing, which would turn bracketed paste on itself.
        lines.append("PS1='$ ' exec bash --norc --noprofile --noediting -i")
        try (lines.joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
        try tmux.start(width: 80, height: 24, command: "sh " + E2E.quote(script.path))
        tmux.waitFor("$")
        tmux.type(E2E.quote(E2E.binary) + " --data " + E2E.quote(data.path))
        tmux.send("Enter")
        tmux.waitFor(participantsLine())

        tmux.send("C-z")
        tmux.waitFor("Stopped")
        try tmux.paste("pasted at the prompt")
        var screen = tmux.waitFor("pasted at the prompt")
        XCTAssertFalse(screen.contains("[200~"), "bracketed paste is off while stepwise is stopped:\n\(screen)")
        tmux.send("C-u")
        tmux.type("fg")
        tmux.send("Enter")
        tmux.waitFor(participantsLine())
        try tmux.paste("q\n")
        screen = tmux.waitFor("Pasted text goes only into a text field")
        XCTAssertTrue(screen.contains(participantsLine()), "stepwise is back and took the paste as text:\n\(screen)")
        tmux.send("q")
        tmux.waitUntil("the shell's prompt is back") { $0.components(separatedBy: "\n").contains { $0.hasPrefix("$") && $0.count <= 2 } }
        try tmux.paste("after quitting")
        screen = tmux.waitFor("after quitting")
        XCTAssertFalse(screen.contains("[200~"), "bracketed paste is off after quitting:\n\(screen)")
    }
}
