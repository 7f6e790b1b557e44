import Foundation
import XCTest

/// Names with wide characters, flags and joined emoji stand where the screen means them to
/// stand in a real terminal: the columns right of the name do not move, and partial redraws
/// do not shift a line.
final class WideCharacterTests: EndToEndTestCase {
    static let name = "Åse 🇩🇰 ✅ ☕ 👩‍👧 李小龍"

    func testColumnsRightOfAWideNameStayInPlace() throws {
        try makeDemo()
        let run = try startTUI(width: 80, height: 24)
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.send("a")
        tmux.waitFor("Add a participant")
        tmux.type(Self.name)
        tmux.waitFor("李小龍")
        tmux.send("Tab")
        tmux.send("C-u")
        tmux.waitForDatePreview(shown: false)
        tmux.type("+2w")
        tmux.waitForDatePreview(shown: true)
        tmux.send("Enter")
        var screen = tmux.waitForSettled(participantsLine(added: 1))
        try expectCourseColumnInPlace(screen, selectedName: true)

        // Moving the selection redraws parts of rows; nothing may shift.
        for key in ["Down", "Up", "Up", "Down", "Down", "Up"] {
            tmux.send(key)
            screen = tmux.settle(tmux.screen())
            try expectCourseColumnInPlace(screen, selectedName: screen.contains("› Åse"))
        }

        // The participant's title bar: the name at the left, the right part ends at column 79.
        tmux.send("Enter")
        screen = tmux.waitForSettled("1 Plan")
        let title = try XCTUnwrap(screen.components(separatedBy: "\n").first)
        XCTAssertTrue(title.contains("李小龍"), screen)
        XCTAssertEqual(try terminalColumns(title), 79, "the title bar's right part ends one column from the edge:\n\(screen)")
        tmux.send("q")
    }

    /// Every caseload row shows its course position under the course heading, measured by tmux
    /// itself, and the widest name ends at least two columns before it.
    private func expectCourseColumnInPlace(
        _ screen: String, selectedName: Bool,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let rows = screen.components(separatedBy: "\n").filter { $0.contains("week ") || $0.contains("starts in ") }
        XCTAssertGreaterThanOrEqual(rows.count, 10, "the list is drawn:\n\(screen)", file: file, line: line)
        // The screen draws the joined emoji as its parts (see ScreenBuffer.put).
        let drawn = String(String.UnicodeScalarView(Self.name.unicodeScalars.filter { $0 != "\u{200D}" }))
        XCTAssertTrue(
            rows.contains { $0.contains(drawn) },
            "the name is drawn whole:\n\(screen)", file: file, line: line)
        // The name column is as wide as the widest name shown: the course heading stands two
        // columns after the wide name's last cell, and every row's course under it.
        let header = try XCTUnwrap(screen.components(separatedBy: "\n").first { $0.contains("Course") })
        let heading = try terminalColumns(String(header[..<(try XCTUnwrap(header.range(of: "Course"))).lowerBound]))
        let named = try XCTUnwrap(rows.first { $0.contains(drawn) })
        let nameEnd = try terminalColumns(String(named[..<(try XCTUnwrap(named.range(of: drawn))).upperBound]))
        XCTAssertLessThanOrEqual(nameEnd + 2, heading, "the name runs into the course:\n\(screen)", file: file, line: line)
        XCTAssertLessThanOrEqual(heading, 34, "the name column is wider than its limit:\n\(screen)", file: file, line: line)
        for row in rows {
            let course = try XCTUnwrap(row.range(of: "week ") ?? row.range(of: "starts in "))
            XCTAssertEqual(
                try terminalColumns(String(row[..<course.lowerBound])), heading,
                "the course column of \"\(row)\" stands under its heading at \(heading) in the terminal:\n\(screen)", file: file, line: line)
        }
    }

    /// How many columns tmux gives `text`: it is printed in a fresh tmux window and the
    /// cursor's column read back.
    private func terminalColumns(_ text: String) throws -> Int {
        let file = root.appendingPathComponent("measure-\(UUID().uuidString.prefix(8)).txt")
        let done = file.appendingPathExtension("done")
        try Data(text.utf8).write(to: file)
        let session = "measure-" + UUID().uuidString.prefix(8).lowercased()
        let command = "cat \(E2E.quote(file.path)); touch \(E2E.quote(done.path)); sleep 30"
        Tmux.tmux(["-u", "new-session", "-d", "-s", session, "-x", "200", "-y", "5", "env LANG=C.UTF-8 sh -c " + E2E.quote(command)])
        defer { Tmux.tmux(["kill-session", "-t", session]) }
        guard E2E.poll(timeout: 5, { FileManager.default.fileExists(atPath: done.path) }) else { throw E2EError("tmux did not print") }
        usleep(100_000)
        let x = Tmux.tmux(["display-message", "-p", "-t", session, "#{cursor_x}"]).stdout
        return try XCTUnwrap(Int(x.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
